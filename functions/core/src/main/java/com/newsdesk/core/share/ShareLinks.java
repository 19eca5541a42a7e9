package com.newsdesk.core.share;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.core.article.ArticleNotFound;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.article.StoredArticle;
import com.newsdesk.core.ratelimit.RateLimiter;
import com.newsdesk.core.site.SiteSettings;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/** Readers' short links: handing them out, following them, and the click counts editors read. */
public final class ShareLinks {
    /** Generous for a person or an app behind one address; a script harvesting codes slows to a crawl. */
    static final RateLimiter.Limit CREATE_LIMIT = new RateLimiter.Limit("share-link", 30, Duration.ofMinutes(1));
    private static final String UTM = "utm_medium=social&utm_campaign=share";

    private final ArticleStore articles;
    private final ShareCodes codes;
    private final ShareClicks clicks;
    private final RateLimiter rateLimiter;
    private final ObjectMapper json;
    private final SiteSettings site;
    private final Clock clock;
    /** Where a click that could not be counted is written instead. */
    private final PrintStream log;

    public ShareLinks(ArticleStore articles, ShareCodes codes, ShareClicks clicks, RateLimiter rateLimiter,
                      ObjectMapper json, SiteSettings site, Clock clock, PrintStream log) {
        this.articles = articles;
        this.codes = codes;
        this.clicks = clicks;
        this.rateLimiter = rateLimiter;
        this.json = json;
        this.site = site;
        this.clock = clock;
        this.log = log;
    }

    /** A short link as readers get it: {@code shareUrl} opens the network's share dialog holding {@code shortUrl}. */
    public record ShortLink(ShareChannel channel, ShareCode code, String shortUrl, String shareUrl, boolean created) {}

    /** What following a short link leads to. */
    public sealed interface Followed permits Redirect, Gone {}

    /** To the article, at {@code location}: built from the site's base URL and the article's path only. */
    public record Redirect(String location) implements Followed {}

    /** The article was taken down; there is nowhere to send the reader. */
    public record Gone() implements Followed {}

    /** The article's clicks, with {@code codes} the short links issued so far, by channel. */
    public record Report(ShareStats stats, Map<ShareChannel, ShareCode> codes) {}

    /** The article's short link for the channel the body names, created on first request. */
    public ShortLink create(Slug slug, byte[] body, String clientAddress) {
        rateLimiter.acquire(CREATE_LIMIT, clientAddress);
        ShareChannel channel = ShareLinkRequest.parse(body, json).channel();
        StoredArticle article = live(slug);
        ShareCodes.Issued issued = codes.issue(slug, channel);
        String shortUrl = issued.code().url(site);
        return new ShortLink(channel, issued.code(), shortUrl, channel.intent(shortUrl, article.published().title()),
                issued.created());
    }

    /** Resolves a code from a request path; counts the visit if a reader made it and the article is live. */
    public Followed follow(String code, Visit visit) {
        ShareTarget target = ShareCode.parse(code).flatMap(codes::target).orElseThrow(ShareLinkNotFound::new);
        StoredArticle article = articles.find(target.slug()).orElseThrow(ShareLinkNotFound::new);
        if (!article.isLive()) {
            return new Gone();
        }
        if (visit.counts()) {
            count(target, LocalDate.ofInstant(clock.instant(), site.timeZone()));
        }
        return new Redirect(site.absolute(article.publicPath()) + "?utm_source=" + target.channel().wireName() + "&" + UTM);
    }

    /**
     * The reader is on their way to the article whatever the counter does: a click the table cannot take now is
     * written to the log as one JSON line (slug, channel, day), from which it can be counted back in.
     */
    private void count(ShareTarget target, LocalDate day) {
        try {
            clicks.count(target, day);
        } catch (RuntimeException e) {
            ObjectNode line = json.createObjectNode()
                    .put("level", "WARN")
                    .put("message", "Share click not counted; count it from this line")
                    .put("slug", target.slug().value())
                    .put("channel", target.channel().wireName())
                    .put("day", day.toString())
                    .put("error", e.getClass().getSimpleName());
            log.println(line);
        }
    }

    /** Clicks per channel and day, with the short links issued so far; for editors, so taken-down articles too. */
    public Report stats(Slug slug) {
        articles.find(slug).orElseThrow(() -> new ArticleNotFound(slug));
        Map<ShareChannel, ShareCode> issued = codes.existing(slug);
        return new Report(clicks.of(slug), issued);
    }

    private StoredArticle live(Slug slug) {
        return articles.find(slug).filter(StoredArticle::isLive).orElseThrow(() -> new ArticleNotFound(slug));
    }
}
