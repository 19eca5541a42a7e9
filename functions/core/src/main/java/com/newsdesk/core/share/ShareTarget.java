package com.newsdesk.core.share;

import com.newsdesk.core.article.Slug;

/** What a short link stands for: an article, shared to one channel. */
public record ShareTarget(Slug slug, ShareChannel channel) {}
