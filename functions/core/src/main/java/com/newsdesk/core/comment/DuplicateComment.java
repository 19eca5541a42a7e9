package com.newsdesk.core.comment;

import com.newsdesk.core.failure.DomainException;

/** The same commenter already posted this text on this article: a resubmitted form or a double click. */
public final class DuplicateComment extends DomainException {
    public DuplicateComment() {
        super(Kind.CONFLICT, "You have already posted this comment on this article; it is not posted twice.");
    }

    @Override
    public String title() {
        return "Duplicate comment";
    }
}
