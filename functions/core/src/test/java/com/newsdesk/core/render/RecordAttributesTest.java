package com.newsdesk.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.pebbletemplates.pebble.attributes.ResolvedAttribute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates see a view record's values as Pebble's own resolver shows them; what is not a record's is left to Pebble. */
class RecordAttributesTest {
    private final RecordAttributes attributes = new RecordAttributes();

    private Object value(Object instance, String name) {
        ResolvedAttribute resolved = attributes.resolve(instance, name, null, null, null, "test", 1);
        return resolved == null ? null : resolved.evaluatedValue;
    }

    @Test
    void aRecordsComponentsAndDerivedValues_areRead() {
        ArticleView.CommentView reply = new ArticleView.CommentView("2", "Ann", null, null, List.of());
        ArticleView.CommentsView comments = new ArticleView.CommentsView(
                List.of(new ArticleView.CommentView("1", "Bob", null, null, List.of(reply))), null, null);

        assertThat(value(new ArticleView.Crumb("News", "/news/"), "url")).isEqualTo("/news/");
        assertThat(value(comments, "count")).isEqualTo(2);
        assertThat(value(new ArticleView.HeadingView(2, "Text", "h-text"), "kind")).isEqualTo("heading");
    }

    @Test
    void whatIsNotARecordsValue_isLeftToPebble() {
        ArticleView.Crumb crumb = new ArticleView.Crumb("News", "/news/");

        assertThat(attributes.resolve(crumb, "nmae", null, null, null, "test", 1)).isNull();
        assertThat(attributes.resolve(crumb, "name", new Object[] {1}, null, null, "test", 1)).isNull();
        assertThat(attributes.resolve(Map.of("name", "x"), "name", null, null, null, "test", 1)).isNull();
    }
}
