package com.newsdesk.bench.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints the table of a bench run: each figure as the ratio of two things measured in the same run, with the
 * median and spread of their runs, next to the figure of the previous run and the goal. Usage:
 * {@code ResultsTable RESULTS_FILE [--previous PREVIOUS_RESULTS_FILE] [ROW_ID...]}: with row ids ({@code P4}), only
 * those rows; the previous run's file is the one committed with the last table (bench/results.txt).
 */
public final class ResultsTable {

    /** A goal on a ratio (or, without a baseline, on the figure itself). */
    record Goal(boolean atMost, double limit) {
        boolean met(double value) {
            return atMost ? value <= limit : value >= limit;
        }

        @Override
        public String toString() {
            return (atMost ? "≤ " : "≥ ") + number(limit);
        }
    }

    /** One line of the table; {@code baseline} is null where the goal bounds our figure alone. */
    record Row(String id, String what, String ours, String baseline, String unit, Goal goal) {}

    static final List<Row> ROWS = List.of(
            new Row("P1", "article page, JMH single thread: Pebble vs hand-written StringBuilder (pages/s)",
                    "p1.pebble", "p1.handwritten", "/s", new Goal(false, 0.5)),
            new Row("P2", "publish one article into 10,000 (local DynamoDB + S3) vs Hugo full build of the 10,000",
                    "p2.publish.s", "p3.hugo.10k.wall", "s", new Goal(true, 0.01)),
            new Row("P2", "objects written by that publish", "p2.objects", null, "", new Goal(true, 20)),
            new Row("P3", "re-render 10,000 from JSON to disk vs Hugo (pinned), wall incl. JVM start",
                    "p3.ours.10k.wall", "p3.hugo.10k.wall", "s", new Goal(true, 0.25)),
            new Row("P3", "  same, peak RSS", "p3.ours.10k.rss", "p3.hugo.10k.rss", "MiB", new Goal(true, 0.15)),
            new Row("P3", "re-render 1,000 vs Hugo (pinned), wall incl. JVM start",
                    "p3.ours.1k.wall", "p3.hugo.1k.wall", "s", new Goal(true, 0.5)),
            new Row("P3", "  same, peak RSS", "p3.ours.1k.rss", "p3.hugo.1k.rss", "MiB", null),
            new Row("P4", "re-render with tag-based related: 100,000 vs 10,000, wall",
                    "p4.tags.100k.wall", "p4.tags.10k.wall", "s", new Goal(true, 10.5)),
            new Row("P4", "  peak RSS at 100,000 (at 10,000 as baseline)", "p4.tags.100k.rss", "p4.tags.10k.rss", "MiB", null),
            new Row("P4", "  peak RSS at 100,000, limit 1 GiB", "p4.tags.100k.rss", null, "MiB", new Goal(true, 1024)),
            new Row("P5", "cold start to first response: articles function (preview from DynamoDB) vs constant handler",
                    "p5.articles.cold", "p5.constant.cold", "ms", new Goal(true, 10)),
            new Row("P5", "  of which the handler's constructor (SDK clients, article schema, templates)", "p5.articles.init", null, "ms", null),
            new Row("P5", "  and the first request itself", "p5.articles.first-request", null, "ms", null),
            new Row("P6", "after priming (beforeCheckpoint): first preview vs median of the next 100",
                    "p6.first", "p6.next", "ms", new Goal(true, 3)),
            new Row("P6", "after priming (beforeCheckpoint): first publish vs median of the next 100 (published again)",
                    "p6.publish.first", "p6.publish.next", "ms", new Goal(true, 3)),
            new Row("P6", "  peak RSS of that function after 101 previews (for its memory setting)", "p6.rss", null, "MiB", null),
            new Row("P7", "publish answered, the story's page written, vs one S3 PutObject of the page, same server",
                    "p7.publish", "p7.put", "ms", new Goal(true, 3)),
            new Row("P8", "publish until every derived page is written (2 workers on the local queue) vs one PutObject",
                    "p8.derived", "p7.put", "ms", new Goal(true, 10)),
            new Row("P9", "32 publishes into one section at once: list front pages rendered, vs 32 one after another",
                    "p9.concurrent", "p9.sequential", "", new Goal(true, 1.5)),
            new Row("P10", "whole-site re-render of 10,000 through the local queue, 2 workers, vs make rebuild (P3)",
                    "p10.queue.wall", "p3.ours.10k.wall", "s", new Goal(true, 1.3)));

    private ResultsTable() {}

    public static void main(String[] args) {
        List<String> rest = List.of(args).subList(1, args.length);
        Measurements previous = Measurements.parse(List.of());
        if (rest.size() >= 2 && rest.get(0).equals("--previous")) {
            Path file = Path.of(rest.get(1));
            previous = Files.exists(file) ? Measurements.read(file) : previous;
            rest = rest.subList(2, rest.size());
        }
        System.out.print(render(Measurements.read(Path.of(args[0])), previous, rest));
    }

    static String render(Measurements results, Measurements previous, List<String> only) {
        StringBuilder out = new StringBuilder();
        out.append("| # | measurement | ours: median (min–max, runs) | baseline: median (min–max, runs) | ratio | previous run | goal | met |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Row row : ROWS) {
            if (only.isEmpty() || only.contains(row.id())) {
                out.append(line(row, results, previous)).append('\n');
            }
        }
        if (only.isEmpty() || only.contains("P5")) {
            out.append('\n').append(jars(results, previous));
            out.append('\n').append(clients(results));
        }
        return out.toString();
    }

    static String line(Row row, Measurements results, Measurements previous) {
        Optional<Samples> ours = results.get(row.ours());
        Optional<Samples> baseline = row.baseline() == null ? Optional.empty() : results.get(row.baseline());
        String missing = row.id().equals("P4") ? "not run (make bench-scale)" : "not measured";
        String before = figure(row, previous).map(value -> shown(row, value)).orElse("—");
        String goal = row.goal() == null ? "—" : row.goal() + (row.baseline() != null ? "×" : row.unit().isEmpty() ? "" : " " + row.unit());
        Optional<Double> figure = figure(row, results);
        if (figure.isEmpty()) {
            return String.join(" | ", "| " + row.id(), row.what(), ours.map(s -> cell(s, row.unit())).orElse(missing),
                    baseline.map(s -> cell(s, row.unit())).orElse(row.baseline() == null ? "—" : missing), "—", before,
                    goal, "—") + " |";
        }
        String met = row.goal() == null ? "—" : row.goal().met(figure.get()) ? "yes" : "**no**";
        return String.join(" | ", "| " + row.id(), row.what(), cell(ours.get(), row.unit()),
                baseline.map(s -> cell(s, row.unit())).orElse("—"),
                row.baseline() != null ? shown(row, figure.get()) : "—", before, goal, met) + " |";
    }

    /** The row's figure in a run: the ratio of the medians, or our median where the row has no baseline. */
    private static Optional<Double> figure(Row row, Measurements results) {
        Optional<Samples> ours = results.get(row.ours());
        if (row.baseline() == null) {
            return ours.map(Samples::median);
        }
        Optional<Samples> baseline = results.get(row.baseline());
        return ours.isPresent() && baseline.isPresent()
                ? Optional.of(ours.get().median() / baseline.get().median()) : Optional.empty();
    }

    private static String shown(Row row, double figure) {
        if (row.baseline() != null) {
            return number(figure) + "×";
        }
        String suffix = row.unit().isEmpty() ? "" : row.unit().startsWith("/") ? row.unit() : " " + row.unit();
        return number(figure) + suffix;
    }

    private static String jars(Measurements results, Measurements previous) {
        StringBuilder out = new StringBuilder("| function jar | size | previous run |\n|---|---|---|\n");
        for (String function : List.of("articles-api", "comments-api", "share-api", "render-worker", "media", "constant-function")) {
            results.get("p5.jar." + function).ifPresent(s -> out.append("| ").append(function).append(" | ").append(mebibytes(s))
                    .append(" | ").append(previous.get("p5.jar." + function).map(ResultsTable::mebibytes).orElse("—")).append(" |\n"));
        }
        return out.toString();
    }

    private static String mebibytes(Samples bytes) {
        return number(bytes.median() / 1024 / 1024) + " MiB";
    }

    private static String clients(Measurements results) {
        StringBuilder out = new StringBuilder("| SDK HTTP client (DynamoDB GetItem, local) | cold: JVM start to first response | warm: median of 100 | jars it adds |\n|---|---|---|---|\n");
        List<String> names = new ArrayList<>(List.of("urlconnection", "apache", "crt"));
        for (String client : names) {
            Optional<Samples> cold = results.get("p5.client." + client + ".cold");
            if (cold.isPresent()) {
                out.append("| ").append(client).append(" | ").append(cell(cold.get(), "ms")).append(" | ")
                        .append(results.get("p5.client." + client + ".warm").map(s -> cell(s, "ms")).orElse("—")).append(" | ")
                        .append(results.get("p5.client." + client + ".jars").map(s -> number(s.median() / 1024 / 1024) + " MiB").orElse("—"))
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    static String cell(Samples samples, String unit) {
        String suffix = unit.isEmpty() ? "" : unit.startsWith("/") ? unit : " " + unit;
        if (samples.runs() == 1) {
            return number(samples.median()) + suffix;
        }
        return number(samples.median()) + suffix + " (" + number(samples.min()) + "–" + number(samples.max()) + ", " + samples.runs() + ")";
    }

    static String number(double value) {
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : magnitude >= 0.01 ? "%.3f" : "%.4f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
