package com.newsdesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.core.aws.SecretParameters;
import com.newsdesk.local.servers.LocalAws;
import com.newsdesk.local.servers.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The functions' settings under {@code make run}: the environment variables template.yaml gives them, with each
 * {@code !Ref} resolved to a local value (a parameter's default or local value, a table's or bucket's local name).
 * A bucket's {@code RegionalDomainName} becomes a local name; nothing resolves it, it only names the bucket.
 * A secret's {@code <SECRET>_PARAMETER} (in AWS the SSM parameter that holds it) becomes {@code <SECRET>} with the
 * local value of that template parameter: there is no Parameter Store locally. A variable holding an ARN, or naming a
 * resource with no local stand-in (a schedule group), is unset: the code then takes its local way (scheduled
 * publishing's {@code DueSchedules} in place of EventBridge Scheduler).
 */
final class LocalSettings {
    private static final Set<String> NOT_LOCAL = Set.of("AWS::Scheduler::ScheduleGroup");

    private LocalSettings() {}

    /**
     * @param localParameters values for parameters that have no default, or whose default does not fit locally
     * @param resourceNames local names of the template's tables and buckets, by logical id
     */
    static Map<String, String> resolve(SamTemplate template, Map<String, String> localParameters, Map<String, String> resourceNames) {
        List<JsonNode> variableSets = new ArrayList<>();
        variableSets.add(template.json().path("Globals").path("Function").path("Environment").path("Variables"));
        for (SamFunction function : SamFunction.all(template)) {
            variableSets.add(function.definition().path("Properties").path("Environment").path("Variables"));
        }
        Map<String, String> settings = new TreeMap<>();
        for (JsonNode variables : variableSets) {
            variables.fields().forEachRemaining(variable -> {
                String name = variable.getKey();
                if (variable.getValue().isTextual() && variable.getValue().asText().isBlank()) {
                    return; // declared empty for sam local's env-vars file: unset, as in AWS
                }
                String value;
                if (isSecretParameter(name)) {
                    value = localSecret(name, variable.getValue(), localParameters);
                    name = name.substring(0, name.length() - SecretParameters.PARAMETER_SUFFIX.length());
                } else if (notLocal(variable.getValue(), template)) {
                    return;
                } else {
                    value = value(name, variable.getValue(), template, localParameters, resourceNames);
                }
                String other = settings.put(name, value);
                if (other != null && !other.equals(value)) {
                    throw new IllegalStateException("Locally every function is given the same settings, so " + name
                            + " cannot be " + other + " for one function and " + value + " for another");
                }
            });
        }
        return settings;
    }

    private static boolean notLocal(JsonNode value, SamTemplate template) {
        if (value.path("Fn::GetAtt").path(1).asText().equals("Arn")) {
            return true;
        }
        String reference = value.path("Ref").asText("");
        return NOT_LOCAL.contains(template.json().path("Resources").path(reference).path("Type").asText());
    }

    private static boolean isSecretParameter(String name) {
        return name.endsWith(SecretParameters.PARAMETER_SUFFIX)
                && SecretParameters.SECRETS.contains(name.substring(0, name.length() - SecretParameters.PARAMETER_SUFFIX.length()));
    }

    /** The secret itself, from local-parameters.properties under the template parameter that names it in AWS. */
    private static String localSecret(String name, JsonNode value, Map<String, String> localParameters) {
        String reference = value.path("Ref").asText(null);
        String local = reference == null ? null : localParameters.get(reference);
        if (local == null) {
            throw new IllegalStateException(name + " names an SSM parameter: give the secret a local value as "
                    + (reference == null ? "<its !Ref parameter>" : reference)
                    + " in local/stack/src/main/resources/local-parameters.properties");
        }
        return local;
    }

    private static String value(String name, JsonNode value, SamTemplate template,
                                Map<String, String> localParameters, Map<String, String> resourceNames) {
        if (value.isValueNode()) {
            return value.asText();
        }
        JsonNode attribute = value.path("Fn::GetAtt");
        if (attribute.isArray() && resourceNames.containsKey(attribute.path(0).asText())
                && attribute.path(1).asText().equals("RegionalDomainName")) {
            // a bucket's address: locally the S3 server's, which the functions reach through LOCAL_ENDPOINT_S3
            return resourceNames.get(attribute.path(0).asText()) + ".s3.localhost";
        }
        String reference = value.path("Ref").asText(null);
        if (reference == null) {
            throw new IllegalStateException(name + ": only literals, !Ref and a bucket's RegionalDomainName are resolved locally, not " + value);
        }
        if (reference.equals("AWS::Region")) {
            return LocalAws.REGION.id();
        }
        if (resourceNames.containsKey(reference)) {
            return resourceNames.get(reference);
        }
        JsonNode parameter = template.parameters().path(reference);
        if (parameter.isMissingNode()) {
            throw new IllegalStateException(name + " refers to " + reference + ", which is no parameter, table or bucket");
        }
        String local = localParameters.getOrDefault(reference, parameter.path("Default").asText(null));
        if (local == null) {
            throw new IllegalStateException("Parameter " + reference
                    + " has no default: give it a local value in local/stack/src/main/resources/local-parameters.properties");
        }
        return local;
    }
}
