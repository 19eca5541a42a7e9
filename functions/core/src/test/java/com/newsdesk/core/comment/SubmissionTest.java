package com.newsdesk.core.comment;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.core.failure.Violation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmissionTest {

    private static Map<String, String> valid() {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", "  Ada Lovelace ");
        fields.put("email", " ada@example.org ");
        fields.put("body", "\nFirst line\nsecond line\n\nNew paragraph\t \n");
        return fields;
    }

    private static List<Violation> violations(Map<String, String> fields) {
        try {
            Submission.of(SubmittedFields.ofForm(fields, Submission.FIELDS));
        } catch (InvalidComment e) {
            return e.violations();
        }
        throw new AssertionError("expected the comment to be refused");
    }

    @Test
    void validComment_isStrippedOfOuterSpace_andKeepsItsLineBreaks() {
        Submission submission = Submission.of(SubmittedFields.ofForm(valid(), Submission.FIELDS));

        assertThat(submission.name()).isEqualTo("Ada Lovelace");
        assertThat(submission.email().address()).isEqualTo("ada@example.org");
        assertThat(submission.body()).isEqualTo("First line\nsecond line\n\nNew paragraph");
        assertThat(submission.website()).isNull();
        assertThat(submission.replyTo()).isNull();
        assertThat(submission.token()).isNull();
        assertThat(submission.honeypotFilled()).isFalse();
    }

    @Test
    void lengthsAreCountedInCharacters_notUtf16Units() {
        Map<String, String> fields = valid();
        fields.put("name", "😀".repeat(80));
        fields.put("body", "é".repeat(5_000));

        assertThat(Submission.of(SubmittedFields.ofForm(fields, Submission.FIELDS)).name()).hasSize(160);

        fields.put("name", "😀".repeat(81));
        assertThat(violations(fields)).containsExactly(new Violation("/name", "must be at most 80 characters; it has 81"));
    }

    @Test
    void everyBrokenRule_isReportedAtOnce_withItsPointer() {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", "Ada\u0000");
        fields.put("email", "ada@localhost");
        fields.put("body", " ");
        fields.put("website", "javascript:alert(1)");
        fields.put("replyTo", "1");

        assertThat(violations(fields)).extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/name", "/email", "/body", "/website", "/replyTo");
    }

    @Test
    void websites_mustBeHttpOrHttpsWithAHost_andNoUserName() {
        assertThat(Submission.isWebAddress("https://ada.example/blog?x=1#top")).isTrue();
        assertThat(Submission.isWebAddress("HTTP://ADA.EXAMPLE")).isTrue();
        for (String bad : new String[] {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,x",
                "vbscript:x", "ftp://ada.example", "//ada.example", "https://", "https://bank.example@evil.example",
                "https://ada.example/ x", "https://ada.example/\"><script>", "https://ada.example/" + "a".repeat(2048)}) {
            assertThat(Submission.isWebAddress(bad)).as(bad).isFalse();
        }
    }

    @Test
    void filledHoneypot_isNoted_notRefused() {
        Map<String, String> fields = valid();
        fields.put("homepage", "https://spam.example");

        assertThat(Submission.of(SubmittedFields.ofForm(fields, Submission.FIELDS)).honeypotFilled()).isTrue();
    }

    @Test
    void fingerprint_ignoresCaseSpacingAndCompatibilityForms() {
        Map<String, String> other = valid();
        other.put("body", "FIRST   line second\tline NEW ＰＡＲＡＧＲＡＰＨ");

        assertThat(Submission.of(SubmittedFields.ofForm(other, Submission.FIELDS)).fingerprint())
                .isEqualTo(Submission.of(SubmittedFields.ofForm(valid(), Submission.FIELDS)).fingerprint());
    }
}
