package com.newsdesk.core.aws;

import com.newsdesk.core.site.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * The deployment's secrets. In AWS a function's environment names the SSM Parameter Store parameter that holds
 * each secret ({@code FORM_TOKEN_SECRET_PARAMETER=/newsdesk/form-token-secret}), so the value is in no environment
 * variable; it is fetched once, when the handler is built, which under SnapStart is before the snapshot. Locally
 * ({@code make run}, tests) no such name is set and the secret is the setting itself, as before.
 */
public final class SecretParameters {
    /** The secrets a function may be given, by setting name. */
    public static final List<String> SECRETS = List.of("FORM_TOKEN_SECRET", "ORIGIN_VERIFY_SECRET", "CLIENT_HASH_SALT");
    /** {@code <secret>_PARAMETER} names the parameter that holds {@code <secret>}. */
    public static final String PARAMETER_SUFFIX = "_PARAMETER";

    /** Parameter values by parameter name, fetched once per container: every handler built in it shares them. */
    private static final Map<String, String> FETCHED = new ConcurrentHashMap<>();

    private SecretParameters() {}

    /** The environment's settings with each secret read from the parameter its {@code _PARAMETER} setting names. */
    public static Settings fromEnvironment() {
        Settings environment = Settings.fromEnvironment();
        return resolve(environment, names -> {
            try (SsmClient ssm = new AwsClients(environment).ssm()) {
                return fetch(ssm, names);
            }
        });
    }

    /**
     * @param parameterStore values by parameter name for a set of parameter names; asked only for names not
     *                       fetched before, and not at all when no secret is named by a parameter
     */
    static Settings resolve(Settings settings, Function<Set<String>, Map<String, String>> parameterStore) {
        Map<String, String> parameterBySecret = new LinkedHashMap<>();
        for (String secret : SECRETS) {
            String parameter = settings.get(secret + PARAMETER_SUFFIX, "");
            if (!parameter.isEmpty()) {
                parameterBySecret.put(secret, parameter);
            }
        }
        if (parameterBySecret.isEmpty()) {
            return settings;
        }
        Set<String> missing = new TreeSet<>(parameterBySecret.values());
        missing.removeAll(FETCHED.keySet());
        if (!missing.isEmpty()) {
            FETCHED.putAll(parameterStore.apply(missing));
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        parameterBySecret.forEach((secret, parameter) -> {
            String value = FETCHED.get(parameter);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(secret + ": SSM parameter " + parameter + " does not exist or is empty");
            }
            secrets.put(secret, value);
        });
        return settings.with(secrets);
    }

    /** One GetParameters call (up to 10 names), SecureStrings decrypted. */
    static Map<String, String> fetch(SsmClient ssm, Set<String> names) {
        GetParametersResponse response = ssm.getParameters(request -> request.names(names).withDecryption(true));
        if (!response.invalidParameters().isEmpty()) {
            throw new IllegalStateException("SSM parameters not found: " + String.join(", ", response.invalidParameters()));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter parameter : response.parameters()) {
            values.put(parameter.name(), parameter.value());
        }
        return values;
    }
}
