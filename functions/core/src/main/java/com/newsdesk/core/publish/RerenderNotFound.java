package com.newsdesk.core.publish;

import com.newsdesk.core.failure.DomainException;

public final class RerenderNotFound extends DomainException {
    public RerenderNotFound(String id) {
        super(Kind.NOT_FOUND, "There is no site re-render '" + id + "'.");
    }

    @Override
    public String title() {
        return "Re-render not found";
    }
}
