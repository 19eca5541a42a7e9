package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.local.servers.Repository;
import com.newsdesk.local.servers.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sam build} of the functions with {@code BuildMethod: makefile}: SAM copies the CodeUri (the whole
 * checkout) to a scratch folder and runs {@code make build-<LogicalId>} there with ARTIFACTS_DIR set. The copy
 * also keeps this build away from the classes the running tests load.
 */
class SamBuildTest {
    /** What sam build leaves out of its copy, and what this JVM's own build is using. */
    private static final Set<String> NOT_COPIED = Set.of(".git", "target", "node_modules", ".local", ".aws-sam");

    @TempDir
    static Path scratch;
    @TempDir
    static Path artifacts;

    @BeforeAll
    static void copyTheCheckoutAsSamDoes() throws IOException {
        Path repository = Repository.root();
        try (Stream<Path> files = Files.walk(repository)) {
            files.filter(file -> repository.relativize(file).toString().isEmpty()
                            || NOT_COPIED.stream().noneMatch(excluded -> contains(repository.relativize(file), excluded)))
                    .forEach(file -> copy(file, scratch.resolve(repository.relativize(file).toString())));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFunction_buildsAnArtifactTheJavaRuntimeLoads() {
        return SamFunction.all(SamTemplate.ofRepository()).stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            Path artifactsDir = Files.createDirectories(artifacts.resolve(function.logicalId()));
            Path log = artifacts.resolve(function.logicalId() + ".log");

            Process make = new ProcessBuilder("make", "build-" + function.logicalId(), "ARTIFACTS_DIR=" + artifactsDir)
                    .directory(scratch.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            make.getOutputStream().close();
            assertThat(make.waitFor(10, TimeUnit.MINUTES)).isTrue();
            assertThat(make.exitValue()).as(() -> readString(log)).isZero();

            // The Java runtime puts every jar in lib/ on the classpath.
            List<String> entries = jarEntries(artifactsDir.resolve("lib"));
            assertThat(entries)
                    .contains(function.handlerClass().replace('.', '/') + ".class")
                    .contains("software/amazon/awssdk/services/dynamodb/DynamoDbClient.class",
                            "software/amazon/awssdk/services/s3/S3Client.class")
                    .as("local servers and test libraries stay out of Lambda")
                    .noneMatch(entry -> entry.startsWith("org/gaul/") || entry.startsWith("org/junit/"));
            // a provider a services file lists but the minimized jar lost fails ServiceLoader, e.g. ImageIO's start
            assertThat(serviceProviders(artifactsDir.resolve("lib"))).as("service providers the jar lists")
                    .allSatisfy(provider -> assertThat(entries).contains(provider.replace('.', '/') + ".class"));
            // the HTTP API's event classes where the function has HTTP API routes: minimized jars keep only what is used
            if (HttpApiRoutes.of(SamTemplate.ofRepository()).all().stream()
                    .anyMatch(route -> route.function().logicalId().equals(function.logicalId()))) {
                assertThat(entries).contains("com/amazonaws/services/lambda/runtime/events/APIGatewayV2HTTPEvent.class");
            }
        }));
    }

    private static boolean contains(Path relative, String name) {
        for (Path part : relative) {
            if (part.toString().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void copy(Path from, Path to) {
        try {
            if (Files.isDirectory(from)) {
                Files.createDirectories(to);
            } else {
                Files.copy(from, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> jarEntries(Path lib) throws IOException {
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.flatMap(jar -> {
                try (JarFile file = new JarFile(jar.toFile())) {
                    return file.stream().map(ZipEntry::getName).toList().stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /** Every class named in the jars' {@code META-INF/services} files. */
    private static List<String> serviceProviders(Path lib) throws IOException {
        List<String> providers = new ArrayList<>();
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    for (JarEntry entry : Collections.list(file.entries())) {
                        if (entry.getName().startsWith("META-INF/services/") && !entry.isDirectory()) {
                            String listing = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                            listing.lines().map(line -> line.replaceFirst("#.*", "").strip())
                                    .filter(line -> !line.isEmpty()).forEach(providers::add);
                        }
                    }
                }
            }
        }
        return providers;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
