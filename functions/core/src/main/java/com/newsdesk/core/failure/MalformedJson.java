package com.newsdesk.core.failure;

import com.newsdesk.core.failure.DomainException;

public final class MalformedJson extends DomainException {
    public MalformedJson(String detail) {
        super(Kind.MALFORMED, detail);
    }

    @Override
    public String title() {
        return "Malformed JSON";
    }
}
