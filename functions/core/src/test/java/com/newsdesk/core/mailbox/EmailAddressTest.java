package com.newsdesk.core.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void commonAddresses_areAccepted() {
        for (String good : new String[] {"ada@example.org", "ada.lovelace+news@mail.example.co.uk", "o'brien@example.ie",
                "x@xn--bcher-kva.example", "A_B-C@sub-domain.example.museum"}) {
            assertThat(EmailAddress.parse(good)).as(good).isPresent();
        }
    }

    @Test
    void anythingElse_isRefused() {
        for (String bad : new String[] {"", "ada", "ada@", "@example.org", "ada@example", "ada@@example.org", "ada@example..org",
                ".ada@example.org", "ada.@example.org", "a..b@example.org", "ada@-example.org", "ada @example.org",
                "ada@example.org\r\nBcc: x@example.org", "\"ada\"@example.org", "ada@example.o", "<ada@example.org>",
                "a".repeat(65) + "@example.org", "ada@" + "a".repeat(250) + ".org"}) {
            assertThat(EmailAddress.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void hash_isTheSameUnderAnyCapitalisation_andTheAddressNeverPrints() {
        EmailAddress lower = EmailAddress.parse("ada@example.org").orElseThrow();
        EmailAddress mixed = EmailAddress.parse("Ada@Example.ORG").orElseThrow();

        assertThat(mixed.hash()).isEqualTo(lower.hash()).hasSize(64).doesNotContain("ada");
        assertThat(mixed.toString()).doesNotContain("@");
    }
}
