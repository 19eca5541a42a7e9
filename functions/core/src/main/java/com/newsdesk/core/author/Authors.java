package com.newsdesk.core.author;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.pipeline.RenderQueue;
import com.newsdesk.core.pipeline.RenderTask;
import java.time.Clock;
import java.util.List;

/**
 * Editors keep the author profiles; a saved profile is queued for the render worker, which brings the author's
 * pages and every story naming the author up to it.
 */
public final class Authors {
    private final AuthorStore store;
    private final RenderQueue queue;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Authors(AuthorStore store, RenderQueue queue, ObjectMapper mapper, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.mapper = mapper;
        this.clock = clock;
    }

    public record Saved(AuthorProfile profile, boolean created) {}

    /** Creates or replaces the profile; the body is validated in full before storage is touched. */
    public Saved save(Slug slug, byte[] body) {
        AuthorProfile saved = store.save(slug.value(), AuthorRequest.parse(body, mapper), clock.instant());
        queue.send(List.of(new RenderTask.AuthorChanged(slug.value())));
        return new Saved(saved, saved.version() == 1);
    }

    public AuthorProfile get(Slug slug) {
        return store.find(slug.value()).orElseThrow(() -> new AuthorNotFound(slug.value()));
    }

    public List<AuthorProfile> list() {
        return store.all();
    }
}
