package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.newsdesk.local.servers.Repository;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpApiGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LocalStackRunner local = new LocalStackRunner();
    static String editorToken;
    static String sampleArticle;

    @BeforeAll
    static void start() throws IOException {
        editorToken = local.stack.editorToken();
        sampleArticle = Files.readString(Repository.root().resolve("samples/articles/ukraine-peace-talks.json"));
    }

    @BeforeEach
    void forgetInvocations() {
        local.invocations.clear();
    }

    @AfterEach
    void letTheFunctionsAnswer() {
        local.standIn = null;
    }

    @Test
    void editorRequest_reachesItsFunctionAsAPayload2Event() {
        HttpResponse<String> response = local.send(local.request("/api/articles?status=draft&section=news&via=desk&via=mail")
                .header("Authorization", "Bearer " + editorToken)
                .header("X-Newsroom-Tool", "desk/1.0")
                .header("Cookie", "theme=dark; lang=en"));

        assertThat(response.statusCode()).isEqualTo(200);
        APIGatewayV2HTTPEvent event = onlyInvocation();
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("GET /api/articles");
        assertThat(event.getRawPath()).isEqualTo("/api/articles");
        assertThat(event.getRawQueryString()).isEqualTo("status=draft&section=news&via=desk&via=mail");
        assertThat(event.getQueryStringParameters())
                .containsExactlyInAnyOrderEntriesOf(Map.of("status", "draft", "section", "news", "via", "desk,mail"));
        assertThat(event.getHeaders()).containsEntry("x-newsroom-tool", "desk/1.0").doesNotContainKey("cookie");
        assertThat(event.getCookies()).containsExactly("theme=dark", "lang=en");
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
        assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(event.getRequestContext().getRequestId()).isNotBlank();
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("sub", "local-editor")
                .containsEntry("cognito:groups", "[editors]")
                .containsEntry("iss", LocalJwtAuthorizer.ISSUER);
    }

    @Test
    void pathParameters_areNamedByTheRouteTemplate() {
        HttpResponse<String> response = local.send(local.request("/api/articles/no-such-article/preview")
                .header("Authorization", "Bearer " + editorToken));

        assertThat(response.statusCode()).isEqualTo(404);
        APIGatewayV2HTTPEvent event = onlyInvocation();
        assertThat(event.getRouteKey()).isEqualTo("GET /api/articles/{slug}/preview");
        assertThat(event.getPathParameters()).containsExactlyEntriesOf(Map.of("slug", "no-such-article"));
    }

    @Test
    void savedArticle_answersWithTheFunctionsStatusAndHeaders() {
        HttpResponse<String> response = local.send(local.request("/api/articles/gateway-test-article")
                .header("Authorization", "Bearer " + editorToken)
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(sampleArticle)));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("etag")).hasValue("\"1\"");
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        APIGatewayV2HTTPEvent event = onlyInvocation();
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getBody()).isEqualTo(sampleArticle);
    }

    @Test
    void binaryBody_reachesTheFunctionBase64Encoded() {
        byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};

        local.send(local.request("/api/articles/gateway-test-article")
                .header("Authorization", "Bearer " + editorToken)
                .header("Content-Type", "image/png")
                .PUT(BodyPublishers.ofByteArray(bytes)));

        APIGatewayV2HTTPEvent event = onlyInvocation();
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(bytes);
    }

    @Test
    void functionsCookiesMultiValueHeadersAndBase64Body_reachTheClient() {
        local.standIn = (event, context) -> APIGatewayV2HTTPResponse.builder()
                .withStatusCode(202)
                .withHeaders(Map.of("content-type", "application/octet-stream"))
                .withMultiValueHeaders(Map.of("vary", List.of("accept", "cookie")))
                .withCookies(List.of("session=abc; HttpOnly", "seen=1"))
                .withBody(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}))
                .withIsBase64Encoded(true)
                .build();

        HttpResponse<byte[]> response = local.send(local.request("/api/articles").header("Authorization", "Bearer " + editorToken),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().allValues("set-cookie")).containsExactly("session=abc; HttpOnly", "seen=1");
        assertThat(response.headers().allValues("vary")).containsExactly("accept", "cookie");
        assertThat(response.body()).containsExactly(1, 2, 3);
    }

    @Test
    void unknownRoute_is404ProblemAndReachesNoFunction() throws IOException {
        // GET and HEAD of any path have a route, the catch-all (below).
        HttpResponse<String> unknownPath = local.send(local.request("/api/nothing-here")
                .header("Authorization", "Bearer " + editorToken).POST(BodyPublishers.noBody()));
        HttpResponse<String> unroutedMethod = local.send(local.request("/api/articles/some-slug")
                .header("Authorization", "Bearer " + editorToken).DELETE());

        for (HttpResponse<String> response : List.of(unknownPath, unroutedMethod)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).path("title").asText()).isEqualTo("Not Found");
        }
        assertThat(local.invocations).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/nothing-here", "/api", "/s/abc/def"})
    void unknownReadUnderTheApisPrefixes_isTheCatchAllsProblem404_notThe404Page(String path) throws IOException {
        HttpResponse<String> response = local.send(local.request(path));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json; charset=utf-8");
        assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(404);
        assertThat(local.invocations).extracting(APIGatewayV2HTTPEvent::getRouteKey).containsExactly("GET /{proxy+}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/articles?cursor=%%%zz", "/api/articles/a%zz/preview", "/news/%zz/", "/s/%"})
    void aRequestLineThatIsNoURI_is400Problem_notAServerPage(String target) throws IOException {
        String answer;
        try (Socket socket = new Socket(local.stack.origin().getHost(), local.stack.origin().getPort())) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + editorToken + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(JSON.readTree(body).path("status").asInt()).isEqualTo(400);
        assertThat(body).doesNotContainPattern("(?i)exception|<html|java\\.");
        assertThat(local.invocations).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(RefusedToken.class)
    void refusedToken_is401ProblemAndReachesNoFunction(RefusedToken token) throws Exception {
        var request = local.request("/api/articles");
        String authorization = token.authorization(local.stack.authorizer());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }

        HttpResponse<String> response = local.send(request);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("about:blank");
        assertThat(problem.path("title").asText()).isEqualTo("Unauthorized");
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(local.invocations).isEmpty();
    }

    @Test
    void validTokenOutsideTheEditorsGroup_isForbiddenByTheFunction() {
        String reporter = local.stack.authorizer().sign(claims().claim("cognito:groups", List.of("reporters")).build());

        HttpResponse<String> response = local.send(local.request("/api/articles").header("Authorization", "Bearer " + reporter));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(onlyInvocation().getRequestContext().getAuthorizer().getJwt().getClaims()).containsEntry("cognito:groups", "[reporters]");
    }

    @Test
    void bodyOver10MB_is413AndReachesNoFunction() {
        HttpResponse<String> response = local.send(local.request("/api/articles/too-big")
                .header("Authorization", "Bearer " + editorToken)
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofByteArray(new byte[HttpApiGateway.MAX_REQUEST_BYTES + 1])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(local.invocations).isEmpty();
    }

    enum RefusedToken {
        MISSING, NOT_BEARER, FORGED_SIGNATURE, ALG_NONE, EXPIRED, WRONG_ISSUER, WRONG_AUDIENCE;

        String authorization(LocalJwtAuthorizer authorizer) throws Exception {
            return switch (this) {
                case MISSING -> null;
                case NOT_BEARER -> "Basic " + Base64.getEncoder().encodeToString("editor:secret".getBytes());
                case FORGED_SIGNATURE -> {
                    SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims().build());
                    forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
                    yield "Bearer " + forged.serialize();
                }
                case ALG_NONE -> "Bearer " + new PlainJWT(claims().build()).serialize();
                case EXPIRED -> "Bearer " + authorizer.sign(claims().expirationTime(Date.from(Instant.now().minusSeconds(3600))).build());
                case WRONG_ISSUER -> "Bearer " + authorizer.sign(claims().issuer("https://cognito-idp.example/elsewhere").build());
                case WRONG_AUDIENCE -> "Bearer " + authorizer.sign(claims().audience("another-app").build());
            };
        }
    }

    /** An editor's claims, valid for an hour: each refused token spoils exactly one thing. */
    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .subject("local-editor")
                .claim("cognito:groups", List.of("editors"))
                .issuer(LocalJwtAuthorizer.ISSUER)
                .audience(LocalJwtAuthorizer.AUDIENCE)
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
    }

    private static APIGatewayV2HTTPEvent onlyInvocation() {
        assertThat(local.invocations).hasSize(1);
        return local.invocations.get(0);
    }
}
