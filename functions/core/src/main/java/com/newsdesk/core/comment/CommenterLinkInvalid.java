package com.newsdesk.core.comment;

import com.newsdesk.core.failure.DomainException;

/** A commenter's confirmation link that is not one we sent, has expired, or whose trust an editor withdrew. */
public final class CommenterLinkInvalid extends DomainException {
    CommenterLinkInvalid() {
        super(Kind.NOT_FOUND, "This confirmation link is not valid or has expired. A new one is sent when an editor "
                + "approves your next comment.");
    }

    @Override
    public String title() {
        return "Confirmation link not valid";
    }
}
