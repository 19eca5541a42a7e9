package com.newsdesk.core.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpamWordsTest {
    private final SpamWords words = SpamWords.parse(" casino , cheap pills,, Viagra ");

    @Test
    void listedWordsAndPhrases_matchWholeWords_inAnyCase() {
        assertThat(words.foundIn("Visit our CASINO")).isTrue();
        assertThat(words.foundIn("cheap\n pills here")).isTrue();
        assertThat(words.foundIn("https://best-casino.example")).isTrue();
        assertThat(words.foundIn("ｖｉａｇｒａ")).as("full-width letters").isTrue();
        assertThat(words.foundIn(null, "fine", "casino")).isTrue();
    }

    @Test
    void wordsInsideOtherWords_orAnEmptyList_matchNothing() {
        assertThat(words.foundIn("Occasional casinos")).isFalse();
        assertThat(words.foundIn("cheap, pills")).isFalse();
        assertThat(SpamWords.parse("").foundIn("casino")).isFalse();
        assertThat(SpamWords.parse(null).foundIn("casino")).isFalse();
    }

    @Test
    void regexSyntaxInTheList_isTakenLiterally() {
        assertThat(SpamWords.parse("a.b, (x").foundIn("a.b")).isTrue();
        assertThat(SpamWords.parse("a.b").foundIn("axb")).isFalse();
    }
}
