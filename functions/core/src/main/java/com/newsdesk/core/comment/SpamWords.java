package com.newsdesk.core.comment;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The newsroom's list of words and phrases that only spam uses (setting {@code COMMENT_SPAM_WORDS}, comma-separated).
 * Matching ignores case and compatibility forms (full-width letters, ligatures) and only takes whole words, so
 * "cialis" does not catch "specialist".
 */
public final class SpamWords {
    private final Pattern pattern;

    private SpamWords(Pattern pattern) {
        this.pattern = pattern;
    }

    /** From the setting's value: phrases separated by commas; blank entries are ignored; none matches nothing. */
    public static SpamWords parse(String commaSeparated) {
        List<String> phrases = commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(","))
                .map(phrase -> normalise(phrase).strip())
                .filter(phrase -> !phrase.isEmpty())
                .toList();
        if (phrases.isEmpty()) {
            return new SpamWords(null);
        }
        String alternatives = phrases.stream()
                .map(phrase -> Arrays.stream(phrase.split("\\s+")).map(Pattern::quote).collect(Collectors.joining("\\s+")))
                .collect(Collectors.joining("|"));
        return new SpamWords(Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** True if any of the texts holds a listed word or phrase. */
    public boolean foundIn(String... texts) {
        if (pattern == null) {
            return false;
        }
        for (String text : texts) {
            if (text != null && pattern.matcher(normalise(text)).find()) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }
}
