package com.newsdesk.core.share;

import com.newsdesk.core.failure.DomainException;
import com.newsdesk.core.failure.Violation;
import com.newsdesk.core.failure.Violations;
import java.util.List;

public final class InvalidShareRequest extends DomainException {
    private final List<Violation> violations;

    public InvalidShareRequest(List<Violation> violations) {
        super(Kind.INVALID, violations.size() == 1
                ? "The request has 1 problem: " + violations.get(0).pointer() + " " + violations.get(0).message()
                : Violations.detail("request", violations.size()));
        this.violations = List.copyOf(violations);
    }

    @Override
    public String title() {
        return "Invalid share link request";
    }

    @Override
    public List<Violation> violations() {
        return violations;
    }
}
