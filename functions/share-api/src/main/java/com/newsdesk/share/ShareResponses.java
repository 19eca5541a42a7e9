package com.newsdesk.share;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.apigateway.ApiResponse;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.share.ShareChannel;
import com.newsdesk.core.share.ShareCode;
import com.newsdesk.core.share.ShareLinks;
import com.newsdesk.core.share.ShareStats;
import com.newsdesk.core.site.SiteSettings;
import java.util.Map;

/** The JSON bodies of the share routes. */
final class ShareResponses {
    private final ObjectMapper json;
    private final SiteSettings site;

    ShareResponses(ObjectMapper json, SiteSettings site) {
        this.json = json;
        this.site = site;
    }

    ApiResponse shortLink(ShareLinks.ShortLink link) {
        ObjectNode body = json.createObjectNode()
                .put("channel", link.channel().wireName())
                .put("code", link.code().value())
                .put("shortUrl", link.shortUrl())
                .put("shareUrl", link.shareUrl());
        ApiResponse response = ApiResponse.of(link.created() ? 201 : 200, ApiResponse.JSON, body.toString());
        return link.created() ? response.withHeader("location", link.shortUrl()) : response;
    }

    /** Totals per channel (every channel, with its short link once issued) and per day, oldest day first. */
    ApiResponse report(Slug slug, ShareLinks.Report report) {
        ShareStats stats = report.stats();
        ObjectNode body = json.createObjectNode().put("slug", slug.value()).put("total", stats.total());
        ArrayNode channels = body.putArray("channels");
        stats.byChannel().forEach((channel, clicks) -> {
            ObjectNode entry = channels.addObject().put("channel", channel.wireName()).put("clicks", clicks);
            ShareCode code = report.codes().get(channel);
            if (code != null) {
                entry.put("shortUrl", code.url(site));
            } else {
                entry.putNull("shortUrl");
            }
        });
        ArrayNode days = body.putArray("days");
        for (ShareStats.Day day : stats.days()) {
            ObjectNode entry = days.addObject().put("date", day.date().toString()).put("total", day.total());
            ObjectNode byChannel = entry.putObject("channels");
            for (Map.Entry<ShareChannel, Long> count : day.byChannel().entrySet()) {
                byChannel.put(count.getKey().wireName(), count.getValue());
            }
        }
        return ApiResponse.of(200, ApiResponse.JSON, body.toString());
    }
}
