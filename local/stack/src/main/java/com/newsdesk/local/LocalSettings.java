package com.newsdesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.local.servers.LocalAws;
import com.newsdesk.local.servers.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The functions' settings under {@code make run}: the environment variables template.yaml gives them, with each
 * {@code !Ref} resolved to a local value (a parameter's default or local value, a table's or bucket's local name).
 * A bucket's {@code RegionalDomainName} becomes a local name; nothing resolves it, it only names the bucket.
 */
final class LocalSettings {
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
                String value = value(variable.getKey(), variable.getValue(), template, localParameters, resourceNames);
                String other = settings.put(variable.getKey(), value);
                if (other != null && !other.equals(value)) {
                    throw new IllegalStateException("Locally all functions share one JVM, so " + variable.getKey()
                            + " cannot be " + other + " for one function and " + value + " for another");
                }
            });
        }
        return settings;
    }

    private static String value(String name, JsonNode value, SamTemplate template,
                                Map<String, String> localParameters, Map<String, String> resourceNames) {
        if (value.isValueNode()) {
            return value.asText();
        }
        JsonNode attribute = value.path("Fn::GetAtt");
        if (attribute.isArray() && resourceNames.containsKey(attribute.path(0).asText())
                && attribute.path(1).asText().equals("RegionalDomainName")) {
            // a bucket's address: locally the S3 server's, which the functions reach through AWS_ENDPOINT_URL_S3
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
