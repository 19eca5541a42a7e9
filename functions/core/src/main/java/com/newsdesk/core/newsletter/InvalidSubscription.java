package com.newsdesk.core.newsletter;

import com.newsdesk.core.failure.DomainException;
import com.newsdesk.core.failure.Violation;
import com.newsdesk.core.failure.Violations;
import java.util.List;

public final class InvalidSubscription extends DomainException {
    private final List<Violation> violations;

    InvalidSubscription(List<Violation> violations) {
        super(Kind.INVALID, Violations.summary("sign-up", violations));
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
