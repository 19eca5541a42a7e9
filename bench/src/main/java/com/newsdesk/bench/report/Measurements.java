package com.newsdesk.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw samples of one {@code make bench} run, by name: lines {@code RESULT <name> <sample> <sample> ...} that
 * each measuring step prints, collected in one file. Other lines are the steps' own output and are skipped.
 */
public final class Measurements {
    private static final String PREFIX = "RESULT ";

    private final Map<String, Samples> byName = new LinkedHashMap<>();

    public static Measurements parse(List<String> lines) {
        Measurements measurements = new Measurements();
        for (String line : lines) {
            if (line.startsWith(PREFIX)) {
                String[] fields = line.substring(PREFIX.length()).trim().split("\\s+");
                double[] values = Arrays.stream(fields, 1, fields.length).mapToDouble(Double::parseDouble).toArray();
                measurements.byName.merge(fields[0], new Samples(values), Samples::plus);
            }
        }
        return measurements;
    }

    public static Measurements read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line a measuring step prints for its samples. */
    public static String line(String name, double... samples) {
        StringBuilder line = new StringBuilder(PREFIX).append(name);
        for (double sample : samples) {
            line.append(' ').append(sample);
        }
        return line.toString();
    }

    public Optional<Samples> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
