package com.newsdesk.core.newsletter;

import com.newsdesk.core.failure.DomainException;

/** The link is not one we sent, or is older than its lifetime; signing up again sends a new one. */
public final class ConfirmationLinkInvalid extends DomainException {
    ConfirmationLinkInvalid() {
        super(Kind.NOT_FOUND, "This confirmation link is not valid or has expired. Sign up again to get a new one.");
    }

    @Override
    public String title() {
        return "Confirmation link not valid";
    }
}
