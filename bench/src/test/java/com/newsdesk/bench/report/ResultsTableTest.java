package com.newsdesk.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {
    private static final Measurements NONE = Measurements.parse(List.of());

    private static ResultsTable.Row row(String ours) {
        return ResultsTable.ROWS.stream().filter(r -> r.ours().equals(ours)).findFirst().orElseThrow();
    }

    @Test
    void samples_giveTheMedianAndTheRangeOfTheRuns() {
        Samples odd = new Samples(new double[] {3, 1, 2});
        Samples even = new Samples(new double[] {4, 1, 3, 2});

        assertThat(odd.median()).isEqualTo(2);
        assertThat(even.median()).isEqualTo(2.5);
        assertThat(even.min()).isEqualTo(1);
        assertThat(even.max()).isEqualTo(4);
        assertThatThrownBy(() -> new Samples(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRow_showsBothMediansWithTheirSpread_theRatio_andWhetherTheGoalIsMet() {
        Measurements results = Measurements.parse(List.of(
                "unrelated output", "RESULT p3.ours.10k.wall 2.0 2.4 2.2", "RESULT p3.hugo.10k.wall 12 11 13"));

        String row = ResultsTable.line(row("p3.ours.10k.wall"), results, NONE);

        assertThat(row).contains("2.20 s (2.00–2.40, 3)", "12.0 s (11.0–13.0, 3)", "0.183×", "≤ 0.250×", "| yes |");
    }

    @Test
    void eachFigure_standsBesideThePreviousRuns() {
        Measurements results = Measurements.parse(List.of("RESULT p7.publish 30", "RESULT p7.put 10", "RESULT p2.objects 12",
                "RESULT p5.jar.articles-api 10485760"));
        Measurements previous = Measurements.parse(List.of("RESULT p7.publish 1310", "RESULT p7.put 10", "RESULT p2.objects 19",
                "RESULT p5.jar.articles-api 29779558"));

        assertThat(ResultsTable.line(row("p7.publish"), results, previous)).contains("| 3.00× | 131× | ≤ 3.00× | yes |");
        assertThat(ResultsTable.line(row("p2.objects"), results, previous)).contains("| 19.0 | ≤ 20.0 | yes |");
        assertThat(ResultsTable.line(row("p7.publish"), results, NONE)).contains("| 3.00× | — |");
        assertThat(ResultsTable.render(results, previous, List.of())).contains("| articles-api | 10.0 MiB | 28.4 MiB |");
    }

    @Test
    void aGoalMissed_isMarked_andAMeasurementNotRun_saysWhy() {
        Measurements results = Measurements.parse(List.of("RESULT p7.publish 120", "RESULT p7.put 10", "RESULT p4.tags.10k.wall 9"));

        assertThat(ResultsTable.line(row("p7.publish"), results, NONE)).contains("12.0×", "**no**");
        assertThat(ResultsTable.line(row("p4.tags.100k.wall"), results, NONE)).contains("not run (make bench-scale)");
    }

    @Test
    void aTableOfSomeRows_showsOnlyThose() {
        Measurements results = Measurements.parse(List.of("RESULT p4.tags.100k.wall 90", "RESULT p4.tags.10k.wall 10"));

        String table = ResultsTable.render(results, NONE, List.of("P4"));

        assertThat(table).contains("| P4 | re-render with tag-based related", "9.00×").doesNotContain("| P1 ", "function jar");
    }

    @Test
    void resultsOfOneNameFromSeveralSteps_areOneMeasurement() {
        Measurements results = Measurements.parse(List.of("RESULT x 1", "RESULT x 3 5"));

        assertThat(results.get("x").orElseThrow().runs()).isEqualTo(3);
        assertThat(Measurements.line("x", 1.5, 2)).isEqualTo("RESULT x 1.5 2.0");
    }
}
