package com.newsdesk.bench.coldstart;

import com.newsdesk.bench.report.Measurements;
import com.newsdesk.bench.report.Samples;
import com.newsdesk.core.Newsroom;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.site.Settings;
import com.newsdesk.local.servers.LocalServers;
import com.newsdesk.local.servers.SamTemplate;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * P5 and P6, each run in fresh JVMs against the local DynamoDB: the articles function's cold start to its first
 * response vs a constant handler's, the first preview and the first publish after SnapStart's priming hook vs the next
 * 100, every function's jar answering one event, and the three SDK HTTP clients' cold and warm GetItem. Children
 * get the JVM options {@code template.yaml} gives Lambda.
 * Usage: {@code ColdStartBench REPO_ROOT LIB_DIR RUNS}: events and samples come from the repository, the function
 * jars and this module's classpath ({@code bench-classpath.txt}) from the copies {@code bench/run.sh} made in LIB_DIR.
 */
public final class ColdStartBench {
    /** As {@code JAVA_TOOL_OPTIONS} in template.yaml. */
    private static final List<String> LAMBDA_JVM_OPTIONS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
    private static final String PREVIEW_EVENT = "events/preview-article.json";
    /** Publishes the draft the preview event shows. */
    private static final String PUBLISH_EVENT = "events/publish-article.json";
    private static final String ARTICLES_HANDLER = "com.newsdesk.articles.ArticlesHandler";

    private ColdStartBench() {}

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]).toAbsolutePath();
        Path lib = Path.of(args[1]).toAbsolutePath();
        int runs = Integer.parseInt(args[2]);
        Path articlesJar = lib.resolve("articles-api.jar");
        Path constantJar = lib.resolve("constant-function.jar");
        List<String> benchClasspath = Arrays.asList(Files.readString(lib.resolve("bench-classpath.txt")).trim().split(File.pathSeparator));
        // the launcher and the runtime's event serializer, which loads Joda-Time for event dates
        String launcher = lib.resolve("bench.jar") + File.pathSeparator + String.join(File.pathSeparator, benchClasspath.stream()
                .filter(jar -> jar.contains("aws-lambda-java-serialization") || jar.contains("joda-time")).toList());

        try (LocalServers servers = LocalServers.inMemory(SamTemplate.ofRepository())) {
            Map<String, String> settings = new HashMap<>(servers.settings());
            settings.put("TABLE_NAME", servers.newTable());
            settings.put("SITE_BUCKET", servers.newBucket());
            settings.put("SITE_BASE_URL", "https://news.example.org");
            settings.put("SITE_NAME", "Example News");
            settings.put("RENDER_QUEUE_URL", servers.newQueue());
            // the comments function's: its form tokens' key, and the sender of its confirmation mail (SES, not called)
            settings.put("FORM_TOKEN_SECRET", "bench-form-token-secret-of-at-least-32-characters");
            settings.put("MAIL_FROM", "news@news.example.org");
            Newsroom newsroom = Newsroom.from(Settings.of(settings), Clock.systemUTC());
            // the draft the preview event asks for
            newsroom.articles().save(Slug.of("harbour-bridge-reopens"),
                    Files.readAllBytes(repo.resolve("samples/articles/night-buses-return.json")), OptionalLong.empty());
            Path event = repo.resolve(PREVIEW_EVENT);

            List<Double> articlesCold = new ArrayList<>();
            List<Double> articlesInit = new ArrayList<>();
            List<Double> articlesFirstRequest = new ArrayList<>();
            List<Double> constantCold = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                Child articles = spawn(settings, articlesJar + File.pathSeparator + launcher, Invoke.class.getName(),
                        ARTICLES_HANDLER, event.toString(), "1");
                articlesCold.add(articles.firstResponseMs());
                articlesInit.add(articles.initMs());
                articlesFirstRequest.add(articles.timingsMs()[0]);
                constantCold.add(spawn(Map.of(), constantJar + File.pathSeparator + launcher, Invoke.class.getName(),
                        ConstantHandler.class.getName(), event.toString(), "1").firstResponseMs());
            }
            print("p5.articles.cold", articlesCold);
            // where the cold start goes: the handler's constructor (clients, templates, schema) and the first request
            print("p5.articles.init", articlesInit);
            print("p5.articles.first-request", articlesFirstRequest);
            print("p5.constant.cold", constantCold);

            Child primed = spawn(settings, articlesJar + File.pathSeparator + launcher, Invoke.class.getName(),
                    ARTICLES_HANDLER, event.toString(), "101", "--prime");
            System.out.println(Measurements.line("p6.first", primed.timingsMs()[0]));
            System.out.println(Measurements.line("p6.next", Arrays.copyOfRange(primed.timingsMs(), 1, primed.timingsMs().length)));
            System.out.println(Measurements.line("p6.rss", primed.peakRssMb()));
            // the same draft published: the first publish of a container also writes the site's assets and 404 page,
            // the next 100 publish it again (the story's page rendered and written, its follow-up queued)
            Child published = spawn(settings, articlesJar + File.pathSeparator + launcher, Invoke.class.getName(),
                    ARTICLES_HANDLER, repo.resolve(PUBLISH_EVENT).toString(), "101", "--prime");
            System.out.println(Measurements.line("p6.publish.first", published.timingsMs()[0]));
            System.out.println(Measurements.line("p6.publish.next",
                    Arrays.copyOfRange(published.timingsMs(), 1, published.timingsMs().length)));

            // every function's shaded jar, as deployed, in a fresh JVM: its no-arg constructor, priming, one event
            for (FunctionEvent function : FUNCTIONS) {
                Path jar = lib.resolve(function.jar() + ".jar");
                if (Files.exists(jar)) {
                    Child child = spawn(function.status(), settings, jar + File.pathSeparator + launcher, Invoke.class.getName(),
                            function.handler(), repo.resolve(function.event()).toString(), "1", "--prime");
                    System.out.println(Measurements.line("p5.served." + function.jar(), child.firstResponseMs()));
                }
            }

            for (String function : List.of("articles-api", "comments-api", "share-api", "render-worker")) {
                Path jar = lib.resolve(function + ".jar");
                if (Files.exists(jar)) {
                    System.out.println(Measurements.line("p5.jar." + function, Files.size(jar)));
                }
            }
            System.out.println(Measurements.line("p5.jar.constant-function", Files.size(constantJar)));

            String probeClasspath = String.join(File.pathSeparator, benchClasspath);
            for (String client : List.of("urlconnection", "apache", "crt")) {
                List<Double> cold = new ArrayList<>();
                List<Double> warm = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    Child probe = spawn(Map.of(), probeClasspath, HttpClientProbe.class.getName(), client,
                            settings.get("LOCAL_ENDPOINT_DYNAMODB"), settings.get("TABLE_NAME"));
                    cold.add(probe.firstResponseMs());
                    warm.add(new Samples(probe.timingsMs()).median());
                }
                print("p5.client." + client + ".cold", cold);
                print("p5.client." + client + ".warm", warm);
                System.out.println(Measurements.line("p5.client." + client + ".jars", clientJarBytes(benchClasspath, client)));
            }
        }
    }

    /** A function's jar, its handler, an event it is sent and the status it answers with once P6 has published the draft. */
    record FunctionEvent(String jar, String handler, String event, int status) {}

    static final List<FunctionEvent> FUNCTIONS = List.of(
            new FunctionEvent("articles-api", ARTICLES_HANDLER, "events/get-article.json", 200),
            new FunctionEvent("comments-api", "com.newsdesk.comments.CommentsHandler", "events/list-comments.json", 404),
            new FunctionEvent("share-api", "com.newsdesk.share.ShareHandler", "events/get-missing-page.json", 404),
            new FunctionEvent("render-worker", "com.newsdesk.render.RenderHandler", "events/sqs/render-batch.json", 200));

    /** What a child printed: when its first response came (from the moment it was spawned, less the harness's own event reading), and its timings. */
    record Child(double firstResponseMs, double initMs, double peakRssMb, double[] timingsMs) {}

    /** @param environment the function's settings, as Lambda passes them: environment variables */
    private static Child spawn(Map<String, String> environment, String classpath, String mainClass, String... args) throws IOException, InterruptedException {
        return spawn(200, environment, classpath, mainClass, args);
    }

    /** @param expectedStatus what the first response must be */
    private static Child spawn(int expectedStatus, Map<String, String> environment, String classpath, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JVM_OPTIONS);
        // e.g. -Xlog:class+load:file=/tmp/cold-%p.log:uptime, to see where a start goes (bench/NOTES.md)
        String extra = System.getenv().getOrDefault("COLDSTART_JAVA_OPTIONS", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        double firstResponse = -1;
        double harness = 0;
        double init = 0;
        double peakRssMb = 0;
        double[] timings = new double[0];
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESPONSE") && firstResponse < 0) {
                    firstResponse = (System.nanoTime() - started) / 1e6;
                    if (!line.equals("RESPONSE " + expectedStatus)) {
                        throw new IllegalStateException(mainClass + " " + String.join(" ", args) + " answered " + line);
                    }
                } else if (line.startsWith("PEAK_RSS_KB ")) {
                    peakRssMb = Double.parseDouble(line.substring("PEAK_RSS_KB ".length())) / 1024;
                } else if (line.startsWith("INIT_MS ")) {
                    init = Double.parseDouble(line.substring("INIT_MS ".length()));
                } else if (line.startsWith("HARNESS_MS ")) {
                    harness = Double.parseDouble(line.substring("HARNESS_MS ".length()));
                } else if (line.startsWith("TIMINGS_MS")) {
                    timings = Arrays.stream(line.split(" ")).skip(1).mapToDouble(Double::parseDouble).toArray();
                }
            }
        }
        if (process.waitFor() != 0 || firstResponse < 0) {
            throw new IllegalStateException(mainClass + " " + String.join(" ", args) + " failed");
        }
        return new Child(firstResponse - harness, init, peakRssMb, timings);
    }

    private static long clientJarBytes(List<String> classpath, String client) throws IOException {
        long bytes = 0;
        for (String entry : classpath) {
            String name = Path.of(entry).getFileName().toString();
            boolean belongs = switch (client) {
                case "urlconnection" -> name.startsWith("url-connection-client");
                case "apache" -> name.startsWith("apache-client") || name.startsWith("httpclient") || name.startsWith("httpcore")
                        || name.startsWith("commons-codec") || name.startsWith("commons-logging");
                default -> name.startsWith("aws-crt");
            };
            if (belongs) {
                bytes += Files.size(Path.of(entry));
            }
        }
        return bytes;
    }

    private static void print(String name, List<Double> samples) {
        System.out.println(Measurements.line(name, samples.stream().mapToDouble(Double::doubleValue).toArray()));
    }
}
