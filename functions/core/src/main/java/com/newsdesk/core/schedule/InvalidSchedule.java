package com.newsdesk.core.schedule;

import com.newsdesk.core.failure.DomainException;
import com.newsdesk.core.failure.Violation;
import com.newsdesk.core.failure.Violations;
import java.util.List;

public final class InvalidSchedule extends DomainException {
    private final List<Violation> violations;

    public InvalidSchedule(List<Violation> violations) {
        super(Kind.INVALID, Violations.summary("schedule", violations));
        this.violations = List.copyOf(violations);
    }

    @Override
    public String title() {
        return "Invalid schedule";
    }

    @Override
    public List<Violation> violations() {
        return violations;
    }
}
