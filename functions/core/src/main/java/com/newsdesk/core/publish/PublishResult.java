package com.newsdesk.core.publish;

import com.newsdesk.core.article.StoredArticle;
import java.util.List;

/**
 * @param url the page's absolute public URL
 * @param changedPaths public paths this request wrote (the story's own objects); empty for a repeat publish
 * @param derived the lists, feeds and sitemaps that follow through the render worker, and how far they are
 */
public record PublishResult(StoredArticle article, String url, List<String> changedPaths, FollowUps.Status derived) {}
