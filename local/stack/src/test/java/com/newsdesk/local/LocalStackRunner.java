package com.newsdesk.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local stack on a free port for one test class, recording every event its functions receive. Registered as
 * {@code @RegisterExtension static final LocalStackRunner local = new LocalStackRunner();}, it starts before the
 * class's own {@code @BeforeAll} methods and stops, with its data, after the last test.
 */
final class LocalStackRunner implements BeforeAllCallback, AfterAllCallback {
    final List<APIGatewayV2HTTPEvent> invocations = new CopyOnWriteArrayList<>();
    LocalStack stack;
    private Path data;
    private final HttpClient http = HttpClient.newHttpClient();
    /** When set, answers in place of the function: for responses the real functions never give. */
    volatile RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> standIn;

    @Override
    public void beforeAll(ExtensionContext extension) throws IOException {
        data = Files.createTempDirectory("local-stack");
        stack = LocalStack.start(0, data, (function, settings) -> {
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = HttpApiGateway.newHandler(function, settings);
            return (event, context) -> {
                invocations.add(event);
                RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> answering = standIn;
                return (answering != null ? answering : handler).handleRequest(event, context);
            };
        });
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(stack.origin() + pathAndQuery));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext extension) throws IOException {
        stack.close();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
