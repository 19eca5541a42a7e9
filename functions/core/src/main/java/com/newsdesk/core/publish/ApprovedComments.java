package com.newsdesk.core.publish;

import com.newsdesk.core.article.Slug;
import com.newsdesk.core.render.PublishedComment;
import java.util.List;

/** The approved comments an article page shows: oldest first, replies under their parent. */
public interface ApprovedComments {
    ApprovedComments NONE = slug -> List.of();

    List<PublishedComment> of(Slug slug);
}
