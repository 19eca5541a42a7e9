package com.newsdesk.core.article;

import java.util.regex.Pattern;

/** A citation marker {@code [[id]]} in inline text, naming {@code references[].id}. */
public final class Citations {
    public static final Pattern MARKER = Pattern.compile("\\[\\[([A-Za-z0-9_-]{1,20})]]");

    private Citations() {}
}
