package com.newsdesk.core.failure;

import java.util.List;

/**
 * The problems of a refused request as they are reported: at most {@link #MAX_REPORTED}, and how many more there
 * were. A body of thousands of junk fields gets a short answer, not one line per field.
 *
 * @param shown the first problems, in the order they were found
 * @param more how many were left out
 */
public record Violations(List<Violation> shown, int more) {
    public static final int MAX_REPORTED = 20;

    public Violations {
        shown = List.copyOf(shown);
    }

    public static Violations of(List<Violation> all) {
        int shown = Math.min(all.size(), MAX_REPORTED);
        return new Violations(all.subList(0, shown), all.size() - shown);
    }

    /**
     * The detail of a refusal with several problems: "The comment has 3 problems; each is listed in errors.", or past
     * the cap "The comment has 5000 problems; the first 20 are listed in errors, 4980 more are not."
     */
    public static String detail(String subject, int count) {
        return count <= MAX_REPORTED
                ? "The " + subject + " has " + count + " problems; each is listed in errors."
                : "The " + subject + " has " + count + " problems; the first " + MAX_REPORTED + " are listed in errors, "
                        + (count - MAX_REPORTED) + " more are not.";
    }

    /** A detail that names each problem, e.g. "The sign-up has 1 problem: email is required."; capped as above. */
    public static String summary(String subject, List<Violation> all) {
        Violations reported = of(all);
        String listed = String.join("; ", reported.shown().stream()
                .map(violation -> violation.pointer().substring(Math.min(1, violation.pointer().length())) + " " + violation.message())
                .toList());
        return "The " + subject + " has " + all.size() + " problem" + (all.size() == 1 ? "" : "s") + ": " + listed
                + (reported.more() == 0 ? "" : "; and " + reported.more() + " more") + ".";
    }
}
