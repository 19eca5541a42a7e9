package com.newsdesk.bench.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.bench.report.Measurements;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns JMH's JSON result into the bench's result lines: every measured iteration of every fork is a run. */
public final class JmhResults {
    private JmhResults() {}

    public static void main(String[] args) throws IOException {
        for (JsonNode benchmark : new ObjectMapper().readTree(Path.of(args[0]).toFile())) {
            String method = benchmark.get("benchmark").asText().replaceFirst(".*\\.", "");
            List<Double> scores = new ArrayList<>();
            benchmark.get("primaryMetric").get("rawData").forEach(fork -> fork.forEach(iteration -> scores.add(iteration.asDouble())));
            System.out.println(Measurements.line("p1." + method.toLowerCase(java.util.Locale.ROOT),
                    scores.stream().mapToDouble(Double::doubleValue).toArray()));
        }
    }
}
