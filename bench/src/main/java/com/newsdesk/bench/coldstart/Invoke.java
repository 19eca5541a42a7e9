package com.newsdesk.bench.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Lambda's Java runtime does in a new container, in a fresh JVM: build the handler with its no-arg
 * constructor (the init phase), optionally run SnapStart's checkpoint hook, read the event with the runtime's own
 * serializer and invoke. Prints how long reading the first event took ({@code HARNESS_MS}: the parent takes it out,
 * as the real runtime has its serializer loaded before the function starts), then {@code RESPONSE <status>} as soon
 * as the first response is there, then the duration of every invocation.
 * Usage: {@code Invoke HANDLER_CLASS EVENT_FILE INVOCATIONS [--prime]}.
 */
public final class Invoke {
    private Invoke() {}

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Path eventFile = Path.of(args[1]);
        int invocations = Integer.parseInt(args[2]);
        boolean prime = args.length > 3 && args[3].equals("--prime");
        long init = System.nanoTime();
        Object handler = Class.forName(args[0]).getDeclaredConstructor().newInstance();
        System.out.println("INIT_MS " + (System.nanoTime() - init) / 1e6);
        if (prime) {
            // by reflection: the constant handler's jar has no CRaC classes, and this class must load with it
            handler.getClass().getMethod("beforeCheckpoint", Class.forName("org.crac.Context")).invoke(handler, (Object) null);
        }
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler;
        long reading = System.nanoTime();
        PojoSerializer<APIGatewayV2HTTPEvent> serializer =
                LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, Invoke.class.getClassLoader());
        StringBuilder timings = new StringBuilder("TIMINGS_MS");
        for (int i = 0; i < invocations; i++) {
            APIGatewayV2HTTPEvent event;
            try (InputStream in = Files.newInputStream(eventFile)) {
                event = serializer.fromJson(in);
            }
            if (i == 0) {
                System.out.println("HARNESS_MS " + (System.nanoTime() - reading) / 1e6);
            }
            long started = System.nanoTime();
            APIGatewayV2HTTPResponse response = function.handleRequest(event, null);
            timings.append(' ').append((System.nanoTime() - started) / 1e6);
            if (i == 0) {
                System.out.println("RESPONSE " + response.getStatusCode());
                System.out.flush();
            }
        }
        System.out.println(timings);
        // the high-water mark of resident memory: what the function needs of Lambda's memory setting
        Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmHWM:"))
                .forEach(line -> System.out.println("PEAK_RSS_KB " + line.replaceAll("\\D", "")));
    }
}
