package com.newsdesk.core.store;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The storage shape of an article: {@code pk = ARTICLE#<slug>}, {@code sk = ARTICLE}. Documents are gzipped JSON
 * so that a 256 KiB draft and its published copy fit in one 400 KB item. The three sparse indexes list articles
 * newest-updated first by status ({@code byStatus}), by section ({@code bySection}) and all together
 * ({@code byUpdated}), each sorted by {@code <updatedAt>#<slug>}.
 *
 * {@code savedBySub}, {@code savedByName} and {@code changeSummary} describe the current version; the versions it
 * replaced are {@link RevisionItem}s in the same partition.
 *
 * <p>The schema is declared statically: a bean schema would introspect the class by reflection at every cold start.
 */
public class ArticleItem {
    static final String ITEM_SORT_KEY = "ARTICLE";

    static final StaticTableSchema<ArticleItem> SCHEMA = StaticTableSchema.builder(ArticleItem.class)
            .newItemSupplier(ArticleItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(ArticleItem::getPk).setter(ArticleItem::setPk).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("sk").getter(ArticleItem::getSk).setter(ArticleItem::setSk).tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("slug").getter(ArticleItem::getSlug).setter(ArticleItem::setSlug))
            .addAttribute(Long.class, a -> a.name("version").getter(ArticleItem::getVersion).setter(ArticleItem::setVersion))
            .addAttribute(String.class, a -> a.name("status").getter(ArticleItem::getStatus).setter(ArticleItem::setStatus))
            .addAttribute(SdkBytes.class, a -> a.name("draft").getter(ArticleItem::getDraft).setter(ArticleItem::setDraft))
            .addAttribute(SdkBytes.class, a -> a.name("published").getter(ArticleItem::getPublished).setter(ArticleItem::setPublished))
            .addAttribute(Long.class, a -> a.name("publishedVersion").getter(ArticleItem::getPublishedVersion).setter(ArticleItem::setPublishedVersion))
            .addAttribute(String.class, a -> a.name("createdAt").getter(ArticleItem::getCreatedAt).setter(ArticleItem::setCreatedAt))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(ArticleItem::getUpdatedAt).setter(ArticleItem::setUpdatedAt))
            .addAttribute(String.class, a -> a.name("publishedAt").getter(ArticleItem::getPublishedAt).setter(ArticleItem::setPublishedAt))
            .addAttribute(String.class, a -> a.name("modifiedAt").getter(ArticleItem::getModifiedAt).setter(ArticleItem::setModifiedAt))
            .addAttribute(Long.class, a -> a.name("pageRevision").getter(ArticleItem::getPageRevision).setter(ArticleItem::setPageRevision))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("formerPaths").getter(ArticleItem::getFormerPaths).setter(ArticleItem::setFormerPaths))
            .addAttribute(String.class, a -> a.name("savedBySub").getter(ArticleItem::getSavedBySub).setter(ArticleItem::setSavedBySub))
            .addAttribute(String.class, a -> a.name("savedByName").getter(ArticleItem::getSavedByName).setter(ArticleItem::setSavedByName))
            .addAttribute(String.class, a -> a.name("changeSummary").getter(ArticleItem::getChangeSummary).setter(ArticleItem::setChangeSummary))
            .addAttribute(String.class, a -> a.name("title").getter(ArticleItem::getTitle).setter(ArticleItem::setTitle))
            .addAttribute(String.class, a -> a.name("section").getter(ArticleItem::getSection).setter(ArticleItem::setSection))
            .addAttribute(String.class, a -> a.name("gsi1pk").getter(ArticleItem::getGsi1pk).setter(ArticleItem::setGsi1pk).tags(secondaryPartitionKey("byStatus")))
            .addAttribute(String.class, a -> a.name("gsi1sk").getter(ArticleItem::getGsi1sk).setter(ArticleItem::setGsi1sk).tags(secondarySortKey("byStatus")))
            .addAttribute(String.class, a -> a.name("gsi2pk").getter(ArticleItem::getGsi2pk).setter(ArticleItem::setGsi2pk).tags(secondaryPartitionKey("bySection")))
            .addAttribute(String.class, a -> a.name("gsi2sk").getter(ArticleItem::getGsi2sk).setter(ArticleItem::setGsi2sk).tags(secondarySortKey("bySection")))
            .addAttribute(String.class, a -> a.name("gsi3pk").getter(ArticleItem::getGsi3pk).setter(ArticleItem::setGsi3pk).tags(secondaryPartitionKey("byUpdated")))
            .addAttribute(String.class, a -> a.name("gsi3sk").getter(ArticleItem::getGsi3sk).setter(ArticleItem::setGsi3sk).tags(secondarySortKey("byUpdated")))
            .build();

    private String pk;
    private String sk;
    private String slug;
    private Long version;
    private String status;
    private SdkBytes draft;
    private SdkBytes published;
    private Long publishedVersion;
    private String createdAt;
    private String updatedAt;
    private String publishedAt;
    private String modifiedAt;
    private Long pageRevision;
    private List<String> formerPaths;
    private String savedBySub;
    private String savedByName;
    private String changeSummary;
    private String title;
    private String section;
    private String gsi1pk;
    private String gsi1sk;
    private String gsi2pk;
    private String gsi2sk;
    private String gsi3pk;
    private String gsi3sk;

    static String partitionKey(String slug) {
        return "ARTICLE#" + slug;
    }

    public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }

    public String getSk() { return sk; }
    public void setSk(String sk) { this.sk = sk; }

    public String getSlug() { return slug; }
    public void setSlug(String slug) { this.slug = slug; }

    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }

    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }

    public SdkBytes getDraft() { return draft; }
    public void setDraft(SdkBytes draft) { this.draft = draft; }

    public SdkBytes getPublished() { return published; }
    public void setPublished(SdkBytes published) { this.published = published; }

    public Long getPublishedVersion() { return publishedVersion; }
    public void setPublishedVersion(Long publishedVersion) { this.publishedVersion = publishedVersion; }

    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }

    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }

    public List<String> getFormerPaths() { return formerPaths; }
    public void setFormerPaths(List<String> formerPaths) { this.formerPaths = formerPaths; }

    public String getPublishedAt() { return publishedAt; }
    public void setPublishedAt(String publishedAt) { this.publishedAt = publishedAt; }

    public String getModifiedAt() { return modifiedAt; }
    public void setModifiedAt(String modifiedAt) { this.modifiedAt = modifiedAt; }

    public Long getPageRevision() { return pageRevision; }
    public void setPageRevision(Long pageRevision) { this.pageRevision = pageRevision; }

    public String getSavedBySub() { return savedBySub; }
    public void setSavedBySub(String savedBySub) { this.savedBySub = savedBySub; }

    public String getSavedByName() { return savedByName; }
    public void setSavedByName(String savedByName) { this.savedByName = savedByName; }

    public String getChangeSummary() { return changeSummary; }
    public void setChangeSummary(String changeSummary) { this.changeSummary = changeSummary; }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }

    public String getSection() { return section; }
    public void setSection(String section) { this.section = section; }

    public String getGsi1pk() { return gsi1pk; }
    public void setGsi1pk(String gsi1pk) { this.gsi1pk = gsi1pk; }

    public String getGsi1sk() { return gsi1sk; }
    public void setGsi1sk(String gsi1sk) { this.gsi1sk = gsi1sk; }

    public String getGsi2pk() { return gsi2pk; }
    public void setGsi2pk(String gsi2pk) { this.gsi2pk = gsi2pk; }

    public String getGsi2sk() { return gsi2sk; }
    public void setGsi2sk(String gsi2sk) { this.gsi2sk = gsi2sk; }

    public String getGsi3pk() { return gsi3pk; }
    public void setGsi3pk(String gsi3pk) { this.gsi3pk = gsi3pk; }

    public String getGsi3sk() { return gsi3sk; }
    public void setGsi3sk(String gsi3sk) { this.gsi3sk = gsi3sk; }
}
