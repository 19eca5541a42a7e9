package com.newsdesk.core.share;

import com.newsdesk.core.article.Slug;
import com.newsdesk.core.render.ArticleView.ShareLink;
import java.util.ArrayList;
import java.util.List;

/** The share links a published page offers, one per network. */
public interface ShareBar {

    List<ShareLink> links(Slug slug, String canonicalUrl, String headline);

    /** Each network's share intent holding the article's canonical URL. */
    static ShareBar direct() {
        return (slug, canonicalUrl, headline) -> {
            List<ShareLink> links = new ArrayList<>();
            for (ShareChannel channel : ShareChannel.values()) {
                if (channel != ShareChannel.COPY) {
                    links.add(new ShareLink(channel.wireName(), channel.label(), channel.intent(canonicalUrl, headline)));
                }
            }
            return links;
        };
    }
}
