package com.newsdesk.core.article;

import com.newsdesk.core.failure.DomainException;
import com.newsdesk.core.failure.Violation;
import com.newsdesk.core.failure.Violations;
import java.util.List;

public final class InvalidArticle extends DomainException {
    private final List<Violation> violations;

    public InvalidArticle(List<Violation> violations) {
        this(violations.size() == 1
                ? "The article has 1 problem: " + violations.get(0).pointer() + " " + violations.get(0).message()
                : Violations.detail("article", violations.size()), violations);
    }

    private InvalidArticle(String detail, List<Violation> violations) {
        super(Kind.INVALID, detail);
        this.violations = List.copyOf(violations);
    }

    /** The same problems, found in an earlier version an editor asked to restore. */
    InvalidArticle inRestoredVersion(long version) {
        return new InvalidArticle("Version " + version + " no longer meets today's article rules, so it cannot be restored as it is. "
                + getMessage(), violations);
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
