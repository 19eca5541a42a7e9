package com.newsdesk.core.article;

import java.time.Instant;

/**
 * One saved version of an article, as the revision history lists it: who saved it, when, and a line on what changed.
 * {@code savedBy} and {@code summary} are {@code null} for versions saved before versions recorded them.
 */
public record Revision(long version, Instant savedAt, SavedBy savedBy, String summary) {}
