package com.newsdesk.core.pipeline;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.newsdesk.core.listing.ListName;

/**
 * One message on the render queue: what the render worker must bring up to date, named by what to read, never
 * by what to write, so that a message delivered twice, late or after a newer one renders the newest state.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "task")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RenderTask.StoryChanged.class, name = "story"),
        @JsonSubTypes.Type(value = RenderTask.ListChanged.class, name = "list"),
        @JsonSubTypes.Type(value = RenderTask.PageRerender.class, name = "page"),
        @JsonSubTypes.Type(value = RenderTask.ListRebuild.class, name = "list-rebuild"),
        @JsonSubTypes.Type(value = RenderTask.SiteRerenderSlice.class, name = "site"),
        @JsonSubTypes.Type(value = RenderTask.ScheduledPublish.class, name = "scheduled-publish"),
        @JsonSubTypes.Type(value = RenderTask.ScheduledUnpublish.class, name = "scheduled-unpublish"),
        @JsonSubTypes.Type(value = RenderTask.AuthorChanged.class, name = "author")})
public sealed interface RenderTask {

    /**
     * A story was published, corrected or taken down: its lists, the pages recommending it and its own page follow
     * its stored state.
     *
     * @param version the article's version after the change, which the follow-up reports as done; 0 when something
     *                the page shows changed rather than the story (its author's profile)
     */
    record StoryChanged(String slug, long version) implements RenderTask {}

    /** A list changed: its pages must show it at {@code revision} or later; a newer render makes this one moot. */
    record ListChanged(ListName list, long revision) implements RenderTask {}

    /** One live article's page rendered again as part of the site re-render {@code job}. */
    record PageRerender(String slug, String job) implements RenderTask {}

    /** Every page of one list rendered again as part of the site re-render {@code job}. */
    record ListRebuild(ListName list, String job) implements RenderTask {}

    /**
     * The next slice of the site re-render {@code job}: up to a few hundred live stories after {@code after} (the
     * home list's position; 0 to start), queued one message each, and the slice after them.
     */
    record SiteRerenderSlice(String job, long after) implements RenderTask {}

    /** A schedule's publish is due: the story's version the editor scheduled goes live, if it is still the current one. */
    record ScheduledPublish(String slug, String generation) implements RenderTask {}

    /** A schedule's take-down is due. */
    record ScheduledUnpublish(String slug, String generation) implements RenderTask {}

    /** An author's profile changed: their pages, and every story of theirs, show it again. */
    record AuthorChanged(String slug) implements RenderTask {}
}
