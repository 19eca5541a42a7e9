package com.newsdesk.core.article;

/** A saved version with its content. */
public record ArticleVersion(Slug slug, Revision revision, Article article) {}
