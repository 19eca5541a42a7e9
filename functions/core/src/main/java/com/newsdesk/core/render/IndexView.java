package com.newsdesk.core.render;

import com.newsdesk.core.render.ArticleView.Crumb;
import com.newsdesk.core.render.ArticleView.PageMeta;
import com.newsdesk.core.render.ArticleView.TeaserView;
import java.util.List;

/**
 * A page that lists stories: the home page, a section, a tag or an author, front or archive.
 *
 * @param trail breadcrumb above the heading; empty on the home page
 * @param newer link to newer stories, {@code null} on a front page
 * @param older link to older stories, {@code null} when there are none
 * @param profile the author an author's front page presents, under the heading (their name); else {@code null}
 */
public record IndexView(PageMeta meta, String heading, String subheading, List<Crumb> trail, List<TeaserView> stories,
                        Crumb newer, Crumb older, ProfileView profile) {

    /** @param links the author's links elsewhere, each named by its host */
    public record ProfileView(String bio, String imageSrc, String imageAlt, List<Crumb> links) {}
}
