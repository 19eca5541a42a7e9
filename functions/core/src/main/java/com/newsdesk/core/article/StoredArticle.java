package com.newsdesk.core.article;

import java.time.Instant;
import java.util.List;

/**
 * An article as the newsroom holds it: the working draft, and the version readers see once published.
 * {@code published} is the document that was last published; it stays while the draft moves on.
 * {@code pageRevision} counts changes to anything the public page shows besides the article itself (approved
 * comments, say); a re-render that read an older revision than the one stored after its write must run again.
 * {@code formerPaths} are the addresses the story was published at before it moved (a new section): each keeps
 * answering, with a redirect to the current address while the story is live and 410 once it is taken down.
 * {@code savedBy} and {@code changeSummary} describe the current version; {@code null} for one saved before they
 * were recorded.
 */
public record StoredArticle(
        Slug slug,
        long version,
        ArticleStatus status,
        Article draft,
        Article published,
        Long publishedVersion,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant modifiedAt,
        long pageRevision,
        List<String> formerPaths,
        SavedBy savedBy,
        String changeSummary) {

    public StoredArticle {
        formerPaths = formerPaths == null ? List.of() : List.copyOf(formerPaths);
    }

    /** The current version as the revision history lists it. */
    public Revision revision() {
        return new Revision(version, updatedAt, savedBy, changeSummary);
    }

    public boolean isLive() {
        return status == ArticleStatus.PUBLISHED;
    }

    /** The public path of the article page, e.g. {@code /city/night-buses-return/}. */
    public String publicPath() {
        Article shown = published != null ? published : draft;
        return ArticlePaths.articlePath(shown.section().slug(), slug.value());
    }

    /**
     * The former addresses once {@code draft} is published: the address it is leaving joins them, and the one it
     * arrives at (a story moved back) leaves them.
     */
    public List<String> formerPathsAfterPublishing() {
        String arriving = ArticlePaths.articlePath(draft.section().slug(), slug.value());
        java.util.LinkedHashSet<String> paths = new java.util.LinkedHashSet<>(formerPaths);
        if (published != null) {
            paths.add(publicPath());
        }
        paths.remove(arriving);
        return List.copyOf(paths);
    }
}
