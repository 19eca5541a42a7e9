package com.newsdesk.core.schedule;

import com.newsdesk.core.article.Slug;
import com.newsdesk.core.failure.DomainException;

public final class ScheduleNotFound extends DomainException {
    public ScheduleNotFound(Slug slug) {
        super(Kind.NOT_FOUND, "The article '" + slug + "' has no schedule.");
    }

    @Override
    public String title() {
        return "Schedule not found";
    }
}
