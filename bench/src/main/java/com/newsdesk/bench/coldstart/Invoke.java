package com.newsdesk.bench.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Lambda's Java runtime does in a new container, in a fresh JVM: build the handler with its no-arg
 * constructor (the init phase), optionally run SnapStart's checkpoint hook, read the event with the runtime's own
 * serializer and invoke. Prints how long reading the first event took ({@code HARNESS_MS}: the parent takes it out,
 * as the real runtime has its serializer loaded before the function starts), then {@code RESPONSE <status>} as soon
 * as the first response is there, then the duration of every invocation.
 * Usage: {@code Invoke HANDLER_CLASS EVENT_FILE INVOCATIONS [--prime]}; any handler of an event Lambda's serializer reads
 * (HTTP API, SQS).
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
            // by name: the constant handler's and the render worker's jars have no CRaC classes (neither is primed),
            // and this class must load with them
            for (Method method : handler.getClass().getMethods()) {
                if (method.getName().equals("beforeCheckpoint")) {
                    method.invoke(handler, (Object) null);
                }
            }
        }
        RequestHandler<Object, Object> function = (RequestHandler<Object, Object>) handler;
        long reading = System.nanoTime();
        PojoSerializer<Object> serializer = LambdaEventSerializers.serializerFor(eventType(handler.getClass()), Invoke.class.getClassLoader());
        StringBuilder timings = new StringBuilder("TIMINGS_MS");
        for (int i = 0; i < invocations; i++) {
            Object event;
            try (InputStream in = Files.newInputStream(eventFile)) {
                event = serializer.fromJson(in);
            }
            if (i == 0) {
                System.out.println("HARNESS_MS " + (System.nanoTime() - reading) / 1e6);
            }
            long started = System.nanoTime();
            Object response = function.handleRequest(event, null);
            timings.append(' ').append((System.nanoTime() - started) / 1e6);
            if (i == 0) {
                System.out.println("RESPONSE " + status(response));
                System.out.flush();
            }
        }
        System.out.println(timings);
        // the high-water mark of resident memory: what the function needs of Lambda's memory setting
        Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmHWM:"))
                .forEach(line -> System.out.println("PEAK_RSS_KB " + line.replaceAll("\\D", "")));
    }

    /**
     * An HTTP response's status; an SQS batch's answer has none: it came back, so it counts as 200. By reflection:
     * the render worker's jar has no HTTP response class for this class to link against.
     */
    private static int status(Object response) throws ReflectiveOperationException {
        try {
            return (Integer) response.getClass().getMethod("getStatusCode").invoke(response);
        } catch (NoSuchMethodException e) {
            return 200;
        }
    }

    /** What the handler takes, as Lambda's runtime finds it: the first parameter of its own {@code handleRequest}. */
    @SuppressWarnings("unchecked")
    private static Class<Object> eventType(Class<?> handler) {
        for (Method method : handler.getMethods()) {
            if (method.getName().equals("handleRequest") && method.getParameterCount() == 2 && !method.isBridge()) {
                return (Class<Object>) method.getParameterTypes()[0];
            }
        }
        throw new IllegalArgumentException(handler.getName() + " has no handleRequest(event, context)");
    }
}
