package com.newsdesk.core.article;

import com.newsdesk.core.failure.DomainException;
import com.newsdesk.core.failure.Violation;
import com.newsdesk.core.failure.Violations;
import java.util.List;

public final class InvalidArticle extends DomainException {
    private final List<Violation> violations;

    public InvalidArticle(List<Violation> violations) {
        super(Kind.INVALID, violations.size() == 1
                ? "The article has 1 problem: " + violations.get(0).pointer() + " " + violations.get(0).message()
                : Violations.detail("article", violations.size()));
        this.violations = List.copyOf(violations);
    }

    @Override
    public String title() {
        return "Invalid article";
    }

    @Override
    public List<Violation> violations() {
        return violations;
    }
}
