package com.newsdesk.core.publish;

import com.newsdesk.core.article.Slug;
import com.newsdesk.core.render.ShownComments;

/** The approved comments an article page shows: a bounded number of the newest, replies under their parent. */
public interface ApprovedComments {
    ApprovedComments NONE = slug -> ShownComments.NONE;

    ShownComments of(Slug slug);
}
