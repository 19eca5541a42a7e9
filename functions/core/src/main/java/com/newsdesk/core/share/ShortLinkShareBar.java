package com.newsdesk.core.share;

import com.newsdesk.core.article.Slug;
import com.newsdesk.core.aws.RequestBudget;
import com.newsdesk.core.render.ArticleView.ShareLink;
import com.newsdesk.core.site.SiteSettings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The share bar of a published page: every network's share intent holding the article's short link for that
 * network, and the short link itself to copy. Codes already issued come back in one query (every republish after
 * the first); the first publish creates the missing ones side by side rather than one after another. Nothing is
 * cached between articles: each render asks the table.
 */
public final class ShortLinkShareBar implements ShareBar {
    private final ShareCodes codes;
    private final SiteSettings site;
    /** Daemon threads, so an idle pool never keeps a JVM (tests, the local stack) from exiting. */
    private final ExecutorService creators = Executors.newFixedThreadPool(ShareChannel.values().length, task -> {
        Thread thread = new Thread(task, "share-code-issuer");
        thread.setDaemon(true);
        return thread;
    });

    public ShortLinkShareBar(ShareCodes codes, SiteSettings site) {
        this.codes = codes;
        this.site = site;
    }

    @Override
    public List<ShareLink> links(Slug slug, String canonicalUrl, String headline) {
        Map<ShareChannel, ShareCode> issued = new EnumMap<>(codes.existing(slug));
        Map<ShareChannel, CompletableFuture<ShareCodes.Issued>> creating = new EnumMap<>(ShareChannel.class);
        for (ShareChannel channel : ShareChannel.values()) {
            if (!issued.containsKey(channel)) {
                // the request's budget goes along, so a slow table ends these calls when it ends the request's own
                creating.put(channel, CompletableFuture.supplyAsync(
                        RequestBudget.carried(() -> codes.issue(slug, channel)), creators));
            }
        }
        creating.forEach((channel, future) -> issued.put(channel, join(future).code()));
        List<ShareLink> links = new ArrayList<>(issued.size());
        issued.forEach((channel, code) -> links.add(
                new ShareLink(channel.wireName(), channel.label(), channel.intent(code.url(site), headline))));
        return links;
    }

    private static ShareCodes.Issued join(CompletableFuture<ShareCodes.Issued> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
