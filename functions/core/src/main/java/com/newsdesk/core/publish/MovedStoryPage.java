package com.newsdesk.core.publish;

/**
 * The object at an old address of a moved story. The CDN answers it with a 301 from its metadata, so readers never
 * see it; a client that reads the bucket some other way still finds the way on. The URL is made of the site's base
 * URL and slugs ({@code [a-z0-9-]}), so it needs no escaping.
 */
final class MovedStoryPage {
    private MovedStoryPage() {}

    static String html(String url) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>This story has moved</title>"
                + "<link rel=\"canonical\" href=\"" + url + "\"><meta name=\"robots\" content=\"noindex\">"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + url + "\"></head>"
                + "<body><p>This story has moved to <a href=\"" + url + "\">" + url + "</a>.</p></body></html>\n";
    }
}
