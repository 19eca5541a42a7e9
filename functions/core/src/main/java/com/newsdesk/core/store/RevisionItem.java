package com.newsdesk.core.store;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A version an article has replaced: {@code pk = ARTICLE#<slug>}, {@code sk = REV#<version, 19 digits>}, so that
 * the article's versions sort by number beside it; the draft gzipped as in {@link ArticleItem}. Written once, before
 * the article moves past it, and never changed.
 */
public class RevisionItem {
    static final String SORT_KEY_PREFIX = "REV#";

    static final StaticTableSchema<RevisionItem> SCHEMA = StaticTableSchema.builder(RevisionItem.class)
            .newItemSupplier(RevisionItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(RevisionItem::getPk).setter(RevisionItem::setPk).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("sk").getter(RevisionItem::getSk).setter(RevisionItem::setSk).tags(primarySortKey()))
            .addAttribute(Long.class, a -> a.name("version").getter(RevisionItem::getVersion).setter(RevisionItem::setVersion))
            .addAttribute(String.class, a -> a.name("savedAt").getter(RevisionItem::getSavedAt).setter(RevisionItem::setSavedAt))
            .addAttribute(String.class, a -> a.name("savedBySub").getter(RevisionItem::getSavedBySub).setter(RevisionItem::setSavedBySub))
            .addAttribute(String.class, a -> a.name("savedByName").getter(RevisionItem::getSavedByName).setter(RevisionItem::setSavedByName))
            .addAttribute(String.class, a -> a.name("changeSummary").getter(RevisionItem::getChangeSummary).setter(RevisionItem::setChangeSummary))
            .addAttribute(SdkBytes.class, a -> a.name("draft").getter(RevisionItem::getDraft).setter(RevisionItem::setDraft))
            .build();

    private String pk;
    private String sk;
    private Long version;
    private String savedAt;
    private String savedBySub;
    private String savedByName;
    private String changeSummary;
    private SdkBytes draft;

    static String sortKey(long version) {
        return SORT_KEY_PREFIX + String.format("%019d", version);
    }

    public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }

    public String getSk() { return sk; }
    public void setSk(String sk) { this.sk = sk; }

    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }

    public String getSavedAt() { return savedAt; }
    public void setSavedAt(String savedAt) { this.savedAt = savedAt; }

    public String getSavedBySub() { return savedBySub; }
    public void setSavedBySub(String savedBySub) { this.savedBySub = savedBySub; }

    public String getSavedByName() { return savedByName; }
    public void setSavedByName(String savedByName) { this.savedByName = savedByName; }

    public String getChangeSummary() { return changeSummary; }
    public void setChangeSummary(String changeSummary) { this.changeSummary = changeSummary; }

    public SdkBytes getDraft() { return draft; }
    public void setDraft(SdkBytes draft) { this.draft = draft; }
}
