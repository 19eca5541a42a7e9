package com.newsdesk.core.render;

/**
 * The comment form as a page shows it: empty on the article page, or holding what the reader sent on the page
 * that lists their form's errors. The e-mail address is never sent back, not even to the person who typed it: no
 * response of the comment routes ever holds one.
 *
 * @param tokenUrl where the page's script fetches the signed form token
 * @param scriptUrl the fingerprinted path of that script
 */
public record CommentFormView(String action, String tokenUrl, String scriptUrl, String name, String website, String body,
                              String replyTo) {

    public static CommentFormView blank(String slug, String scriptUrl) {
        return new CommentFormView(action(slug), "/api/articles/" + slug + "/comment-token", scriptUrl, "", "", "", "");
    }

    /**
     * The form again with the reader's values (a missing one: empty); the token is left out so the script fetches
     * a fresh one.
     */
    public CommentFormView refilled(String name, String website, String body, String replyTo) {
        return new CommentFormView(action, tokenUrl, scriptUrl, orEmpty(name), orEmpty(website), orEmpty(body), orEmpty(replyTo));
    }

    /** Where the form posts: {@code POST /api/articles/{slug}/comments}. */
    public static String action(String slug) {
        return "/api/articles/" + slug + "/comments";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
