package com.newsdesk.core.share;

import com.newsdesk.core.failure.DomainException;

/** A short link this site never issued; the code is not echoed, as it may be anything a stranger typed. */
public final class ShareLinkNotFound extends DomainException {
    public ShareLinkNotFound() {
        super(Kind.NOT_FOUND, "There is no such short link on this site.");
    }

    @Override
    public String title() {
        return "Short link not found";
    }
}
