package com.newsdesk.core.newsletter;

import com.newsdesk.core.failure.DomainException;
import com.newsdesk.core.failure.Violation;
import java.util.List;

public final class InvalidSubscription extends DomainException {
    private final List<Violation> violations;

    InvalidSubscription(List<Violation> violations) {
        super(Kind.INVALID, "The sign-up has " + violations.size() + " problem" + (violations.size() == 1 ? "" : "s") + ": "
                + String.join("; ", violations.stream().map(v -> v.pointer().substring(1) + " " + v.message()).toList()) + ".");
        this.violations = List.copyOf(violations);
    }

    @Override
    public String title() {
        return "Invalid sign-up";
    }

    @Override
    public List<Violation> violations() {
        return violations;
    }
}
