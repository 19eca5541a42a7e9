package com.newsdesk.core.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The line the revision history shows for each save, read off the patch between the two versions. */
class ArticleChangesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void namesEachChangedField_once_thenTheChangedBlocksByNumberFromOne() throws Exception {
        JsonNode before = json("{'title':'A','dek':'d','tags':['x'],'body':[{'text':'1'},{'text':'2'},{'text':'3'},{'text':'4'},{'text':'5'}]}");
        JsonNode after = json("{'title':'B','tags':['x','y','z'],'body':[{'text':'1'},{'text':'two'},{'text':'3'},{'text':'4'},{'text':'five'}]}");

        ArticleChanges changes = ArticleChanges.between(before, after);

        assertThat(changes.fields()).containsExactly("title", "dek", "tags");
        assertThat(changes.blocks()).containsExactly(2, 5);
        assertThat(changes.summary()).isEqualTo("Changed title, dek, tags, blocks 2 and 5");
    }

    @Test
    void anAddedBlock_isNamedByItsNumber_andAnIdenticalSave_changesNothing() throws Exception {
        JsonNode before = json("{'title':'A','body':[{'text':'1'}]}");
        JsonNode after = json("{'title':'A','body':[{'text':'1'},{'text':'2'}]}");

        assertThat(ArticleChanges.between(before, after).summary()).isEqualTo("Changed block 2");
        assertThat(ArticleChanges.between(before, before).none()).isTrue();
        assertThat(ArticleChanges.between(before, before).summary()).isEqualTo("No changes");
    }
}
