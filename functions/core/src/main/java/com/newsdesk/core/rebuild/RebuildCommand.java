package com.newsdesk.core.rebuild;

import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.publish.ApprovedComments;
import com.newsdesk.core.share.ShareBar;
import com.newsdesk.core.render.ArticleViews;
import com.newsdesk.core.render.InlineMarkdown;
import com.newsdesk.core.render.PageRenderer;
import com.newsdesk.core.render.SiteAssets;
import com.newsdesk.core.render.StructuredData;
import com.newsdesk.core.site.Settings;
import com.newsdesk.core.site.SiteSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * {@code make rebuild DIR=<archive> OUT=<folder>}: renders the whole site from an article archive into a folder.
 * Site settings come from the environment as in Lambda ({@code SITE_BASE_URL}, {@code SITE_NAME}, ...). Pages
 * show no comments and link to the networks' share intents directly: an archive holds neither comments nor
 * short links, which live in the table.
 */
public final class RebuildCommand {
    private RebuildCommand() {}

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3 || (args.length == 3 && !args[2].matches("--related=(pinned|tags)"))) {
            System.err.println("usage: RebuildCommand ARCHIVE_DIR OUTPUT_DIR [--related=pinned|tags]");
            System.exit(2);
        }
        SiteRebuild.Related related = args.length == 3 && args[2].endsWith("tags")
                ? SiteRebuild.Related.TAGS_ONLY : SiteRebuild.Related.PINNED_FIRST;
        SiteSettings site;
        try {
            site = SiteSettings.from(Settings.fromEnvironment());
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("cannot rebuild: " + e.getMessage() + " (SITE_BASE_URL is the site's origin, e.g. https://news.example)");
            System.exit(2);
            return;
        }
        SiteAssets assets = new SiteAssets();
        StructuredData structuredData = new StructuredData(site);
        SiteRebuild rebuild = new SiteRebuild(ArticleJson.forStoredArticles(), new ArticleViews(site, new InlineMarkdown(), structuredData, assets),
                new PageRenderer(), structuredData, assets, site, ApprovedComments.NONE, ShareBar.direct(), Clock.systemUTC(),
                Runtime.getRuntime().availableProcessors());
        try {
            SiteRebuild.Result result = rebuild.rebuild(new ArticleArchive(Path.of(args[0])),
                    new DirectorySiteBucket(Path.of(args[1])), related);
            System.out.printf(Locale.ROOT, "rebuilt %d articles and %d list pages of %d lists into %s: %d files written in %.2f s%n",
                    result.articles(), result.listPages(), result.lists(), args[1], result.written(),
                    result.took().toNanos() / 1e9);
        } catch (ArchiveUnreadable e) {
            System.err.println("cannot rebuild: " + e.getMessage());
            System.exit(1);
        }
    }
}
