package com.newsdesk.core.comment;

import com.newsdesk.core.failure.DomainException;
import com.newsdesk.core.failure.Violation;
import com.newsdesk.core.failure.Violations;
import java.util.List;

/** The comment breaks a rule; every broken rule is listed, each with a pointer to its field. */
public final class InvalidComment extends DomainException {
    private final List<Violation> violations;

    public InvalidComment(List<Violation> violations) {
        super(Kind.INVALID, violations.size() == 1
                ? "The comment has 1 problem: " + violations.get(0).pointer().substring(1) + " " + violations.get(0).message() + "."
                : Violations.detail("comment", violations.size()));
        this.violations = List.copyOf(violations);
    }

    /** {@code replyTo} names no comment a reply can hang under. */
    static Violation replyToViolation() {
        return new Violation("/" + Submission.REPLY_TO, "must be the id of an approved comment on this article that is not itself a reply");
    }

    @Override
    public String title() {
        return "Invalid comment";
    }

    @Override
    public List<Violation> violations() {
        return violations;
    }
}
