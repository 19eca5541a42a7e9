package com.newsdesk.core.failure;

/** One thing wrong with a request body: a JSON Pointer into it and what is wrong there. */
public record Violation(String pointer, String message) {}
