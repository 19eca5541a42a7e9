package com.newsdesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.local.servers.SamTemplate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The CloudFront Functions that template.yaml associates with the distribution's default (bucket) behaviour, run as
 * CloudFront runs them: their own {@code FunctionCode}, in a child {@code node} process, each in a context without
 * {@code require}, process or network, on CloudFront's event shape ({@code event.request} with {@code uri},
 * {@code querystring} and {@code headers} objects, {@code event.response} with {@code statusCode} and
 * {@code headers}, {@code event.viewer.ip}). The local edge has no rules of its own, so it cannot drift from AWS.
 * The child exits when its standard input, a pipe this JVM holds, closes.
 */
final class CloudFrontFunctions implements AutoCloseable {
    static final String VIEWER_REQUEST = "viewer-request";
    static final String VIEWER_RESPONSE = "viewer-response";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process node;
    private final Writer toNode;
    private final BufferedReader fromNode;
    /** Event type to the logical id of the function associated with it. */
    private final Map<String, String> associations;

    private CloudFrontFunctions(Process node, Map<String, String> associations) {
        this.node = node;
        this.toNode = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
        this.fromNode = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        this.associations = associations;
    }

    /** Starts node and loads the code of every function the template associates with the site bucket's behaviour. */
    static CloudFrontFunctions ofSiteBucket(SamTemplate template) {
        JsonNode distribution = template.resources("AWS::CloudFront::Distribution").values().iterator().next();
        Map<String, String> associations = new HashMap<>();
        for (JsonNode association : distribution.path("Properties").path("DistributionConfig")
                .path("DefaultCacheBehavior").path("FunctionAssociations")) {
            associations.put(association.path("EventType").asText(),
                    association.path("FunctionARN").path("Fn::GetAtt").path(0).asText());
        }
        Process node;
        try {
            node = new ProcessBuilder("node", "-e", hostScript()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start node for the CDN's functions: is Node.js installed?", e);
        }
        CloudFrontFunctions functions = new CloudFrontFunctions(node, associations);
        Map<String, JsonNode> resources = template.resources("AWS::CloudFront::Function");
        for (String name : associations.values()) {
            JsonNode code = resources.getOrDefault(name, JSON.nullNode()).path("Properties").path("FunctionCode");
            if (!code.isTextual()) {
                functions.close();
                throw new IllegalStateException("template.yaml associates " + name + ", which has no FunctionCode");
            }
            functions.call(JSON.createObjectNode().put("name", name).put("code", code.asText()));
        }
        return functions;
    }

    /**
     * The viewer-request function's answer to {@code event}: the request to forward (with the function's changes),
     * or a response to send as it is (it has a {@code statusCode}).
     */
    JsonNode viewerRequest(JsonNode event) {
        return run(VIEWER_REQUEST, event, "request");
    }

    /** The response the viewer-response function makes of {@code event.response}. */
    JsonNode viewerResponse(JsonNode event) {
        return run(VIEWER_RESPONSE, event, "response");
    }

    private JsonNode run(String eventType, JsonNode event, String unchanged) {
        String name = associations.get(eventType);
        if (name == null) {
            return event.path(unchanged);
        }
        return call(JSON.createObjectNode().put("name", name).set("event", event));
    }

    /** One request to the child, one answer; the edge's threads take turns. */
    private synchronized JsonNode call(JsonNode message) {
        try {
            toNode.write(JSON.writeValueAsString(message));
            toNode.write('\n');
            toNode.flush();
            String line = fromNode.readLine();
            if (line == null) {
                throw new IllegalStateException("The node process running the CDN's functions has ended");
            }
            JsonNode answer = JSON.readTree(line);
            if (answer.has("error")) {
                throw new IllegalStateException("CloudFront function " + message.path("name").asText() + " failed: "
                        + answer.path("error").asText());
            }
            return answer.path("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hostScript() {
        try (InputStream in = CloudFrontFunctions.class.getResourceAsStream("cloudfront-functions.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            toNode.close();
        } catch (IOException alreadyGone) {
            // the child ends either way
        }
        node.destroy();
    }
}
