package com.newsdesk.core.comment;

import com.newsdesk.core.failure.DomainException;
import com.newsdesk.core.failure.Violation;
import java.util.List;

/** The comment came with a form token that this site did not issue for this article, issued too long ago, or already used. */
public final class FormTokenRejected extends DomainException {
    private FormTokenRejected(String detail) {
        super(Kind.INVALID, detail);
    }

    static FormTokenRejected forged() {
        return new FormTokenRejected("The form token is not valid for this article. Reload the article page and post your comment again.");
    }

    static FormTokenRejected expired() {
        return new FormTokenRejected("The comment form was opened more than 24 hours ago. Reload the article page and post your comment again.");
    }

    static FormTokenRejected used() {
        return new FormTokenRejected("The form token was already used for a comment. Send the form again: it fetches a new one.");
    }

    @Override
    public String title() {
        return "Form token rejected";
    }

    @Override
    public List<Violation> violations() {
        return List.of(new Violation("/" + Submission.TOKEN, getMessage()));
    }
}
