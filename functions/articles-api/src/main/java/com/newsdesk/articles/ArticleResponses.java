package com.newsdesk.articles;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.apigateway.ApiResponse;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.ArticleListing;
import com.newsdesk.core.article.ArticleService;
import com.newsdesk.core.article.ArticleVersion;
import com.newsdesk.core.article.Revision;
import com.newsdesk.core.article.RevisionListing;
import com.newsdesk.core.article.SavedBy;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.article.StoredArticle;
import com.newsdesk.core.author.AuthorProfile;
import com.newsdesk.core.author.Authors;
import com.newsdesk.core.publish.FollowUps;
import com.newsdesk.core.publish.PublishResult;
import com.newsdesk.core.publish.SiteRerender;
import com.newsdesk.core.site.SiteSettings;
import com.newsdesk.core.schedule.PublishSchedule;
import com.newsdesk.core.schedule.Scheduling;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON bodies of the article routes. */
final class ArticleResponses {
    private final ArticleJson json;
    private final SiteSettings site;

    ArticleResponses(ArticleJson json, SiteSettings site) {
        this.json = json;
        this.site = site;
    }

    /** With the story's schedule, if it has one: a save after scheduling says the schedule will not publish it. */
    ApiResponse saved(ArticleService.Saved saved, Optional<PublishSchedule> schedule) {
        StoredArticle article = saved.article();
        ObjectNode body = json.mapper().createObjectNode()
                .put("slug", article.slug().value())
                .put("version", article.version())
                .put("status", article.status().wireName());
        schedule.ifPresent(scheduled -> body.set("schedule", schedule(scheduled, article.version())));
        return ApiResponse.of(saved.created() ? 201 : 200, ApiResponse.JSON, body.toString())
                .withHeader("etag", etag(article));
    }

    /**
     * The stored draft with its state: the article fields as the editor sent them, plus what the server keeps, and
     * where the pages derived from its last publish or take-down stand.
     */
    ApiResponse article(StoredArticle article, FollowUps.Status derived) {
        ObjectNode body = json.mapper().valueToTree(article.draft());
        body.put("slug", article.slug().value());
        body.put("status", article.status().wireName());
        body.put("version", article.version());
        if (article.publishedVersion() != null) {
            body.put("publishedVersion", article.publishedVersion());
        }
        time(body, "createdAt", article.createdAt());
        time(body, "updatedAt", article.updatedAt());
        time(body, "publishedAt", article.publishedAt());
        time(body, "modifiedAt", article.modifiedAt());
        savedBy(body, article.savedBy());
        if (article.isLive()) {
            body.put("url", site.absolute(article.publicPath()));
        }
        derived(body, derived);
        return ApiResponse.of(200, ApiResponse.JSON, body.toString()).withHeader("etag", etag(article));
    }

    ApiResponse listing(ArticleListing listing) {
        ObjectNode body = json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        for (ArticleListing.Summary summary : listing.items()) {
            ObjectNode item = items.addObject()
                    .put("slug", summary.slug())
                    .put("title", summary.title())
                    .put("section", summary.section())
                    .put("status", summary.status().wireName())
                    .put("version", summary.version());
            time(item, "updatedAt", summary.updatedAt());
            time(item, "publishedAt", summary.publishedAt());
        }
        return page(body, listing.nextCursor());
    }

    /** The page of an article's history: each version, who saved it, when, and what changed. */
    ApiResponse revisions(Slug slug, RevisionListing listing) {
        ObjectNode body = json.mapper().createObjectNode().put("slug", slug.value());
        ArrayNode items = body.putArray("items");
        listing.items().forEach(revision -> revision(items.addObject(), revision));
        return page(body, listing.nextCursor());
    }

    /** A page of a list, with the cursor of the next one ({@code null} on the last). */
    private static ApiResponse page(ObjectNode body, String nextCursor) {
        if (nextCursor != null) {
            body.put("nextCursor", nextCursor);
        } else {
            body.putNull("nextCursor");
        }
        return ApiResponse.of(200, ApiResponse.JSON, body.toString());
    }

    /** One version: what the history says of it, and the article as it was then, as {@code article}. */
    ApiResponse revision(ArticleVersion version) {
        ObjectNode body = json.mapper().createObjectNode().put("slug", version.slug().value());
        revision(body, version.revision());
        body.set("article", json.mapper().valueToTree(version.article()));
        return ApiResponse.of(200, ApiResponse.JSON, body.toString());
    }

    /** The RFC 6902 patch from one version to another, and the fields and blocks it changes. */
    ApiResponse diff(ArticleService.VersionDiff diff) {
        ObjectNode body = json.mapper().createObjectNode()
                .put("slug", diff.to().slug().value())
                .put("from", diff.from().revision().version())
                .put("to", diff.to().revision().version());
        body.set("patch", diff.changes().patch());
        ObjectNode changed = body.putObject("changed");
        diff.changes().fields().forEach(changed.putArray("fields")::add);
        diff.changes().blocks().forEach(changed.putArray("blocks")::add);
        body.put("summary", diff.changes().summary());
        return ApiResponse.of(200, ApiResponse.JSON, body.toString());
    }

    private static void revision(ObjectNode node, Revision revision) {
        node.put("version", revision.version());
        time(node, "savedAt", revision.savedAt());
        savedBy(node, revision.savedBy());
        if (revision.summary() != null) {
            node.put("summary", revision.summary());
        }
    }

    /** Who saved a version: left out for one saved before that was recorded. */
    private static void savedBy(ObjectNode node, SavedBy savedBy) {
        if (savedBy != null) {
            node.putObject("savedBy").put("sub", savedBy.subject()).put("name", savedBy.name());
        }
    }

    ApiResponse published(PublishResult result) {
        StoredArticle article = result.article();
        ObjectNode body = json.mapper().createObjectNode()
                .put("slug", article.slug().value())
                .put("url", result.url())
                .put("version", article.publishedVersion())
                .put("status", article.status().wireName());
        time(body, "publishedAt", article.publishedAt());
        time(body, "modifiedAt", article.modifiedAt());
        ArrayNode changed = body.putArray("changedPaths");
        result.changedPaths().forEach(changed::add);
        derived(body, result.derived());
        return ApiResponse.of(200, ApiResponse.JSON, body.toString());
    }

    ApiResponse unpublished(PublishResult result) {
        StoredArticle article = result.article();
        ObjectNode body = json.mapper().createObjectNode()
                .put("slug", article.slug().value())
                .put("status", article.status().wireName())
                .put("version", article.version());
        ArrayNode changed = body.putArray("changedPaths");
        result.changedPaths().forEach(changed::add);
        derived(body, result.derived());
        return ApiResponse.of(200, ApiResponse.JSON, body.toString());
    }

    /** A site re-render's progress; 202 while it runs. */
    ApiResponse rerender(SiteRerender.Job job) {
        ObjectNode body = json.mapper().createObjectNode()
                .put("id", job.id())
                .put("reason", job.reason())
                .put("startedAt", job.startedAt())
                .put("total", job.total())
                .put("done", job.done())
                .put("failed", job.failed())
                .put("changed", job.changed())
                .put("queuedAll", job.queuedAll())
                .put("finished", job.finished());
        if (job.finished()) {
            body.put("finishedAt", job.finishedAt());
        }
        return ApiResponse.of(job.finished() ? 200 : 202, ApiResponse.JSON, body.toString())
                .withHeader("location", "/api/site/rerenders/" + job.id());
    }

    ApiResponse schedule(Scheduling.Scheduled scheduled) {
        return ApiResponse.of(200, ApiResponse.JSON, schedule(scheduled.schedule(), scheduled.currentVersion()).toString());
    }

    /** Every schedule, soonest first. */
    ApiResponse schedules(List<Scheduling.Scheduled> upcoming) {
        ObjectNode body = json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        upcoming.forEach(scheduled -> items.add(schedule(scheduled.schedule(), scheduled.currentVersion())));
        return ApiResponse.of(200, ApiResponse.JSON, body.toString());
    }

    /**
     * A schedule as editors read it: {@code changedSinceScheduled} when the story was saved after it was scheduled,
     * which the schedule will not publish (README, "Scheduled publishing").
     */
    private ObjectNode schedule(PublishSchedule schedule, long currentVersion) {
        ObjectNode body = json.mapper().createObjectNode()
                .put("slug", schedule.slug().value())
                .put("version", schedule.version());
        schedule.publishAt().ifPresent(at -> body.put("publishAt", at.toString()));
        schedule.unpublishAt().ifPresent(at -> body.put("unpublishAt", at.toString()));
        body.put("scheduledAt", schedule.scheduledAt().toString())
                .put("currentVersion", currentVersion)
                .put("changedSinceScheduled", currentVersion != schedule.version());
        schedule.skipped().ifPresent(reason -> body.put("skipped", reason));
        return body;
    }

    /** The lists, feeds and sitemaps the render worker brings up to date: each list by its front page's path. */
    private void derived(ObjectNode body, FollowUps.Status status) {
        ObjectNode derived = body.putObject("derived").put("complete", status.complete());
        status.done().forEach(derived.putArray("done")::add);
        status.queued().forEach(derived.putArray("queued")::add);
    }

    /** 201 with the profile when the save created it, else 200. */
    ApiResponse author(Authors.Saved saved) {
        return ApiResponse.of(saved.created() ? 201 : 200, ApiResponse.JSON, profile(saved.profile()).toString());
    }

    ApiResponse author(AuthorProfile profile) {
        return ApiResponse.of(200, ApiResponse.JSON, profile(profile).toString());
    }

    ApiResponse authors(List<AuthorProfile> profiles) {
        ObjectNode body = json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        profiles.forEach(profile -> items.add(profile(profile)));
        return ApiResponse.of(200, ApiResponse.JSON, body.toString());
    }

    /** The profile as the editor sent it, with its version, when it was saved and the author page's address. */
    private ObjectNode profile(AuthorProfile profile) {
        ObjectNode node = json.mapper().createObjectNode().put("slug", profile.slug()).put("name", profile.name());
        if (profile.role() != null) {
            node.put("role", profile.role());
        }
        if (profile.bio() != null) {
            node.put("bio", profile.bio());
        }
        if (profile.image() != null) {
            node.putObject("image").put("src", profile.image().src()).put("alt", profile.image().alt());
        }
        ArrayNode links = node.putArray("links");
        profile.links().forEach(links::add);
        node.put("version", profile.version());
        time(node, "updatedAt", profile.updatedAt());
        node.put("url", site.absolute(profile.path()));
        return node;
    }

    private static String etag(StoredArticle article) {
        return "\"" + article.version() + "\"";
    }

    private static void time(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }

}
