package com.newsdesk.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsdesk.core.site.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Where a secret comes from: Parameter Store when the function is given a parameter's name (AWS), the setting
 * itself otherwise (make run, tests). The store is the seam's function; the SDK call behind it (one GetParameters)
 * needs AWS, since no local server plays SSM.
 */
class SecretParametersTest {
    private final List<Set<String>> asked = new ArrayList<>();

    @Test
    void noParameterNamed_secretsAreTheSettings_andTheStoreIsNeverAsked() {
        Settings settings = Settings.of(Map.of("FORM_TOKEN_SECRET", "local-form-token-secret-for-make-run-only"));

        Settings resolved = SecretParameters.resolve(settings, store(Map.of()));

        assertThat(resolved.required("FORM_TOKEN_SECRET")).isEqualTo("local-form-token-secret-for-make-run-only");
        assertThat(asked).isEmpty();
    }

    @Test
    void parameterNamed_secretIsItsValue_inPlaceOfAnyEnvironmentValue() {
        String formToken = unique("/newsdesk/form-token-secret");
        String salt = unique("/newsdesk/client-hash-salt");
        Settings settings = Settings.of(Map.of(
                "FORM_TOKEN_SECRET_PARAMETER", formToken,
                "CLIENT_HASH_SALT_PARAMETER", salt,
                "FORM_TOKEN_SECRET", "stale-value-from-the-environment",
                "TABLE_NAME", "articles"));

        Settings resolved = SecretParameters.resolve(settings, store(Map.of(formToken, "key-from-ssm", salt, "salt-from-ssm")));

        assertThat(resolved.required("FORM_TOKEN_SECRET")).isEqualTo("key-from-ssm");
        assertThat(resolved.required("CLIENT_HASH_SALT")).isEqualTo("salt-from-ssm");
        assertThat(resolved.required("TABLE_NAME")).isEqualTo("articles");
        assertThat(asked).containsExactly(Set.of(formToken, salt));
    }

    @Test
    void secondHandlerInTheSameContainer_doesNotAskAgain() {
        String origin = unique("/newsdesk/origin-verify-secret");
        Settings settings = Settings.of(Map.of("ORIGIN_VERIFY_SECRET_PARAMETER", origin));
        Function<Set<String>, Map<String, String>> store = store(Map.of(origin, "origin-secret-from-ssm"));

        SecretParameters.resolve(settings, store);
        Settings again = SecretParameters.resolve(settings, store);

        assertThat(again.required("ORIGIN_VERIFY_SECRET")).isEqualTo("origin-secret-from-ssm");
        assertThat(asked).hasSize(1);
    }

    @Test
    void parameterTheStoreDoesNotHave_failsAtStart_namingIt() {
        String missing = unique("/newsdesk/client-hash-salt");
        Settings settings = Settings.of(Map.of("CLIENT_HASH_SALT_PARAMETER", missing));

        assertThatThrownBy(() -> SecretParameters.resolve(settings, store(Map.of())))
                .hasMessageContaining("CLIENT_HASH_SALT").hasMessageContaining(missing);
    }

    /** Parameter values are kept per container (a static cache): each test names its own parameters. */
    private static String unique(String name) {
        return name + "-" + UUID.randomUUID();
    }

    private Function<Set<String>, Map<String, String>> store(Map<String, String> values) {
        return names -> {
            asked.add(Set.copyOf(names));
            return values;
        };
    }
}
