package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.core.aws.SecretParameters;
import com.newsdesk.local.servers.Repository;
import com.newsdesk.local.servers.SamTemplate;
import com.newsdesk.local.servers.TemplateResources;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * local/sam/env.json, the env-vars file of {@code sam local}: it must give every function of template.yaml every
 * variable the template declares for it (the SAM CLI passes a container nothing else), reach the servers of
 * {@code make servers} where that stack listens, and agree with what {@code make run} gives the same functions.
 */
class SamLocalEnvTest {
    private final SamTemplate template = SamTemplate.ofRepository();
    private final JsonNode env = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Repository.root().resolve("local/sam/env.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> declared(SamFunction function) {
        Set<String> names = new TreeSet<>();
        template.json().path("Globals").path("Function").path("Environment").path("Variables").fieldNames().forEachRemaining(names::add);
        function.definition().path("Properties").path("Environment").path("Variables").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> names(JsonNode variables) {
        Set<String> names = new TreeSet<>();
        variables.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void namesEveryFunctionOfTheTemplate_withEveryVariableItDeclares_andNothingElse() {
        Set<String> functions = new TreeSet<>();
        for (SamFunction function : SamFunction.all(template)) {
            functions.add(function.logicalId());
            assertThat(names(env.path(function.logicalId()))).as(function.logicalId()).isEqualTo(declared(function));
        }
        assertThat(names(env)).isEqualTo(functions);
    }

    @Test
    void pointsTheFunctionsAtTheServersOfMakeServers_fromInsideTheirContainers() {
        for (SamFunction function : SamFunction.all(template)) {
            JsonNode variables = env.path(function.logicalId());
            assertThat(URI.create(variables.path("LOCAL_ENDPOINT_DYNAMODB").asText()))
                    .hasHost("host.docker.internal").hasPort(LocalStack.SAM_LOCAL_SERVER_PORTS.dynamoDb());
            assertThat(URI.create(variables.path("LOCAL_ENDPOINT_S3").asText()))
                    .hasHost("host.docker.internal").hasPort(LocalStack.SAM_LOCAL_SERVER_PORTS.s3());
            assertThat(URI.create(variables.path("LOCAL_ENDPOINT_SQS").asText()))
                    .hasHost("host.docker.internal").hasPort(LocalStack.SAM_LOCAL_SERVER_PORTS.sqs());
            assertThat(URI.create(variables.path("CDN_PURGE_URL").asText()))
                    .hasHost("host.docker.internal").hasPort(LocalStack.SAM_LOCAL_PURGE_PORT).hasPath("/purge");
            assertThat(variables.path("ORIGIN_VERIFY_REQUIRED").asText()).isEqualTo("false");
        }
    }

    /** ORIGIN_VERIFY_REQUIRED is false off AWS, as under make run, where nothing plays the CDN (checked above). */
    @Test
    void agreesWithWhatMakeRunGivesTheSameFunctions_secretsAsValues() {
        Map<String, String> resourceNames = new HashMap<>();
        template.resources("AWS::DynamoDB::Table").keySet().forEach(id -> resourceNames.put(id, TemplateResources.localName(id)));
        template.resources("AWS::S3::Bucket").keySet().forEach(id -> resourceNames.put(id, TemplateResources.localName(id)));
        // a queue's URL: ElasticMQ's on the port make servers gives it, seen from the containers
        template.resources(TemplateResources.QUEUE).keySet().forEach(id -> resourceNames.put(id, "http://host.docker.internal:"
                + LocalStack.SAM_LOCAL_SERVER_PORTS.sqs() + "/000000000000/" + TemplateResources.localName(id)));
        Map<String, String> makeRun = LocalSettings.resolve(template,
                LocalStack.localParameters(URI.create("http://localhost:3000")), resourceNames);

        for (SamFunction function : SamFunction.all(template)) {
            JsonNode variables = env.path(function.logicalId());
            variables.fields().forEachRemaining(variable -> {
                String name = variable.getKey();
                if (name.endsWith(SecretParameters.PARAMETER_SUFFIX)) {
                    assertThat(variable.getValue().asText()).as(name + ": no Parameter Store locally").isEmpty();
                } else if (makeRun.containsKey(name) && !name.equals("ORIGIN_VERIFY_REQUIRED")) {
                    assertThat(variable.getValue().asText()).as(function.logicalId() + " " + name).isEqualTo(makeRun.get(name));
                } else if (declaredNonEmpty(function, name)) {
                    // an ARN or a resource with no local stand-in (the schedule group): unset, as make run leaves it
                    assertThat(variable.getValue().asText()).as(function.logicalId() + " " + name).isEmpty();
                } else {
                    assertThat(variable.getValue().asText()).as(function.logicalId() + " " + name).isNotBlank();
                }
            });
        }
    }

    private boolean declaredNonEmpty(SamFunction function, String name) {
        JsonNode value = function.definition().path("Properties").path("Environment").path("Variables").path(name);
        return !value.isMissingNode() && !(value.isTextual() && value.asText().isBlank());
    }
}
