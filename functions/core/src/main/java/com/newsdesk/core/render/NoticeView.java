package com.newsdesk.core.render;

import com.newsdesk.core.render.ArticleView.Crumb;
import com.newsdesk.core.render.ArticleView.PageMeta;
import java.util.List;

/**
 * A small page with a heading and a few paragraphs, as the reader notice template shows it: where a reader's
 * comment stands, what was wrong with their form, the site's 404 page.
 *
 * @param errors each problem of the form, linking to its input where it has one
 * @param form the comment form to send again, or {@code null}
 */
public record NoticeView(PageMeta meta, String heading, List<String> paragraphs, List<NoticeView.FieldError> errors,
                         CommentFormView form, Crumb back) {

    /** @param anchor the id of the input to fix, or {@code null} */
    public record FieldError(String field, String message, String anchor) {}
}
