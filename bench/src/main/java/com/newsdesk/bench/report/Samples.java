package com.newsdesk.bench.report;

import java.util.Arrays;

/** The runs of one measurement: a median to compare and the spread around it, so noise shows next to the figure. */
public record Samples(double[] values) {

    public Samples {
        if (values.length == 0) {
            throw new IllegalArgumentException("a measurement needs at least one run");
        }
        values = values.clone();
        Arrays.sort(values);
    }

    public Samples plus(Samples more) {
        double[] all = Arrays.copyOf(values, values.length + more.values.length);
        System.arraycopy(more.values, 0, all, values.length, more.values.length);
        return new Samples(all);
    }

    public double median() {
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    public double min() {
        return values[0];
    }

    public double max() {
        return values[values.length - 1];
    }

    public int runs() {
        return values.length;
    }
}
