package com.newsdesk.core.publish;

import com.newsdesk.core.article.StoredArticle;
import java.util.List;

/**
 * @param url the page's absolute public URL
 * @param changedPaths public paths whose bytes changed, which the CDN must purge; empty for a repeat publish
 */
public record PublishResult(StoredArticle article, String url, List<String> changedPaths) {}
