package com.newsdesk.core.author;

import com.newsdesk.core.failure.DomainException;
import com.newsdesk.core.failure.Violation;
import com.newsdesk.core.failure.Violations;
import java.util.List;

public final class InvalidAuthor extends DomainException {
    private final List<Violation> violations;

    public InvalidAuthor(List<Violation> violations) {
        super(Kind.INVALID, Violations.summary("author profile", violations));
        this.violations = List.copyOf(violations);
    }

    @Override
    public String title() {
        return "Invalid author profile";
    }

    @Override
    public List<Violation> violations() {
        return violations;
    }
}
