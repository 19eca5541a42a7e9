package com.newsdesk.core.store;

import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticleAlreadyExists;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.ArticleListing;
import com.newsdesk.core.article.ArticleNotFound;
import com.newsdesk.core.article.ArticleQuery;
import com.newsdesk.core.article.ArticleStatus;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.article.ArticleVersion;
import com.newsdesk.core.article.Revision;
import com.newsdesk.core.article.SavedBy;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.article.StoredArticle;
import com.newsdesk.core.article.VersionConflict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** {@link ArticleStore} on one DynamoDB table through the Enhanced Client; see {@link ArticleItem} for the keys. */
public final class DynamoArticleStore implements ArticleStore {
    private static final String ALL_ARTICLES = "ARTICLES";

    private final DynamoDbClient client;
    private final String tableName;
    private final DynamoDbTable<ArticleItem> table;
    private final DynamoDbTable<RevisionItem> revisions;
    private final Documents documents;

    public DynamoArticleStore(DynamoDbClient client, String tableName, ArticleJson json) {
        this.client = client;
        this.tableName = tableName;
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        this.table = enhanced.table(tableName, ArticleItem.SCHEMA);
        this.revisions = enhanced.table(tableName, RevisionItem.SCHEMA);
        this.documents = new Documents(json);
    }

    @Override
    public Optional<StoredArticle> find(Slug slug) {
        ArticleItem item = table.getItem(GetItemEnhancedRequest.builder().key(key(slug)).consistentRead(true).build());
        return Optional.ofNullable(item).map(this::toArticle);
    }

    @Override
    public StoredArticle create(Slug slug, Article draft, SavedBy savedBy, Instant now) {
        ArticleItem item = new ArticleItem();
        item.setPk(ArticleItem.partitionKey(slug.value()));
        item.setSk(ArticleItem.ITEM_SORT_KEY);
        item.setSlug(slug.value());
        item.setVersion(1L);
        item.setCreatedAt(now.toString());
        setStatus(item, ArticleStatus.DRAFT);
        setDraft(item, slug, draft, now);
        setSaved(item, savedBy, "Created");
        try {
            table.putItem(PutItemEnhancedRequest.builder(ArticleItem.class).item(item)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build())
                    .build());
        } catch (ConditionalCheckFailedException e) {
            throw new ArticleAlreadyExists(slug);
        }
        return toArticle(item);
    }

    @Override
    public StoredArticle update(StoredArticle current, Article draft, SavedBy savedBy, String summary, Instant now) {
        keep(current);
        ArticleItem change = keyItem(current.slug());
        change.setVersion(current.version() + 1);
        setDraft(change, current.slug(), draft, now);
        setSaved(change, savedBy, summary);
        return conditionalUpdate(current.slug(), change, current.version());
    }

    /**
     * Writes the version about to be replaced as a revision, unless it already is one: a version's content never
     * changes, so a save that raced another, or was retried, wrote the same item.
     */
    private void keep(StoredArticle current) {
        RevisionItem item = new RevisionItem();
        item.setPk(ArticleItem.partitionKey(current.slug().value()));
        item.setSk(RevisionItem.sortKey(current.version()));
        item.setVersion(current.version());
        item.setSavedAt(current.updatedAt().toString());
        if (current.savedBy() != null) {
            item.setSavedBySub(current.savedBy().subject());
            item.setSavedByName(current.savedBy().name());
        }
        item.setChangeSummary(current.changeSummary());
        item.setDraft(documents.pack(current.draft()));
        try {
            revisions.putItem(PutItemEnhancedRequest.builder(RevisionItem.class).item(item)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build())
                    .build());
        } catch (ConditionalCheckFailedException e) {
            // kept already
        }
    }

    @Override
    public Optional<ArticleVersion> revision(Slug slug, long version) {
        RevisionItem item = revisions.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(ArticleItem.partitionKey(slug.value())).sortValue(RevisionItem.sortKey(version)).build())
                .consistentRead(true)
                .build());
        return Optional.ofNullable(item).map(found -> new ArticleVersion(slug, toRevision(found), documents.unpack(found.getDraft())));
    }

    @Override
    public List<Revision> revisions(Slug slug, long newest, int count) {
        String partition = ArticleItem.partitionKey(slug.value());
        Page<RevisionItem> page = revisions.query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(
                        k -> k.partitionValue(partition).sortValue(RevisionItem.sortKey(1)),
                        k -> k.partitionValue(partition).sortValue(RevisionItem.sortKey(newest))))
                .scanIndexForward(false)
                .limit(count)
                .consistentRead(true)
                .attributesToProject("version", "savedAt", "savedBySub", "savedByName", "changeSummary")
                .build()).iterator().next();
        return page.items().stream().map(DynamoArticleStore::toRevision).toList();
    }

    private static Revision toRevision(RevisionItem item) {
        return new Revision(item.getVersion(), instant(item.getSavedAt()),
                savedBy(item.getSavedBySub(), item.getSavedByName()), item.getChangeSummary());
    }

    private static SavedBy savedBy(String subject, String name) {
        return subject == null ? null : new SavedBy(subject, name);
    }

    private static void setSaved(ArticleItem item, SavedBy savedBy, String summary) {
        item.setSavedBySub(savedBy.subject());
        item.setSavedByName(savedBy.name());
        item.setChangeSummary(summary);
    }

    @Override
    public StoredArticle markPublished(StoredArticle current, Instant publishedAt, Instant modifiedAt) {
        ArticleItem change = keyItem(current.slug());
        setStatus(change, ArticleStatus.PUBLISHED);
        change.setPublished(documents.pack(current.draft()));
        change.setPublishedVersion(current.version());
        List<String> formerPaths = current.formerPathsAfterPublishing();
        if (!formerPaths.equals(current.formerPaths())) {
            change.setFormerPaths(formerPaths);
        }
        change.setPublishedAt(publishedAt.toString());
        change.setModifiedAt(modifiedAt.toString());
        change.setGsi1sk(current.updatedAt() + "#" + current.slug());
        return conditionalUpdate(current.slug(), change, current.version());
    }

    @Override
    public StoredArticle markUnpublished(StoredArticle current, Instant now) {
        ArticleItem change = keyItem(current.slug());
        setStatus(change, ArticleStatus.UNPUBLISHED);
        change.setModifiedAt(now.toString());
        change.setGsi1sk(current.updatedAt() + "#" + current.slug());
        return conditionalUpdate(current.slug(), change, current.version());
    }

    @Override
    public ArticleListing list(ArticleQuery query) {
        DynamoDbIndex<ArticleItem> index;
        String partition;
        Expression filter = null;
        if (query.section() != null) {
            index = table.index("bySection");
            partition = "SECTION#" + query.section();
            if (query.status() != null) {
                filter = Expression.builder().expression("#status = :status")
                        .putExpressionName("#status", "status")
                        .putExpressionValue(":status", AttributeValue.fromS(query.status().wireName())).build();
            }
        } else if (query.status() != null) {
            index = table.index("byStatus");
            partition = "STATUS#" + query.status().wireName();
        } else {
            index = table.index("byUpdated");
            partition = ALL_ARTICLES;
        }
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(partition)))
                .scanIndexForward(false)
                .limit(query.limit())
                .filterExpression(filter);
        if (query.cursor() != null) {
            request.exclusiveStartKey(ListCursor.decode(query.cursor(), index.indexName()));
        }
        Page<ArticleItem> page = index.query(request.build()).iterator().next();
        List<ArticleListing.Summary> items = page.items().stream().map(this::toSummary).toList();
        Map<String, AttributeValue> last = page.lastEvaluatedKey();
        return new ArticleListing(items, last == null || last.isEmpty() ? null : ListCursor.encode(last, index.indexName()));
    }

    @Override
    public long bumpPageRevision(Slug slug) {
        try {
            UpdateItemResponse response = client.updateItem(update -> update.tableName(tableName)
                    .key(Map.of("pk", AttributeValue.fromS(ArticleItem.partitionKey(slug.value())),
                            "sk", AttributeValue.fromS(ArticleItem.ITEM_SORT_KEY)))
                    .updateExpression("ADD pageRevision :one")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                    .returnValues(ReturnValue.UPDATED_NEW));
            return Long.parseLong(response.attributes().get("pageRevision").n());
        } catch (ConditionalCheckFailedException e) {
            throw new ArticleNotFound(slug);
        }
    }

    private StoredArticle conditionalUpdate(Slug slug, ArticleItem change, long expectedVersion) {
        try {
            ArticleItem updated = table.updateItem(UpdateItemEnhancedRequest.builder(ArticleItem.class)
                    .item(change)
                    .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY)
                    .conditionExpression(Expression.builder()
                            .expression("attribute_exists(pk) AND #version = :expected")
                            .putExpressionName("#version", "version")
                            .putExpressionValue(":expected", AttributeValue.fromN(Long.toString(expectedVersion)))
                            .build())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return toArticle(updated);
        } catch (ConditionalCheckFailedException e) {
            // DynamoDB answers "missing or stale?" in the refusal itself; dynalite sends no item, so read then
            boolean exists = e.hasItem() && !e.item().isEmpty() || find(slug).isPresent();
            if (!exists) {
                throw new ArticleNotFound(slug);
            }
            throw new VersionConflict(slug, expectedVersion);
        }
    }

    private void setDraft(ArticleItem item, Slug slug, Article draft, Instant now) {
        item.setDraft(documents.pack(draft));
        item.setUpdatedAt(now.toString());
        item.setTitle(draft.title());
        item.setSection(draft.section().slug());
        String order = now + "#" + slug;
        item.setGsi1sk(order);
        item.setGsi2pk("SECTION#" + draft.section().slug());
        item.setGsi2sk(order);
        item.setGsi3pk(ALL_ARTICLES);
        item.setGsi3sk(order);
    }

    private static void setStatus(ArticleItem item, ArticleStatus status) {
        item.setStatus(status.wireName());
        item.setGsi1pk("STATUS#" + status.wireName());
    }

    private static ArticleItem keyItem(Slug slug) {
        ArticleItem item = new ArticleItem();
        item.setPk(ArticleItem.partitionKey(slug.value()));
        item.setSk(ArticleItem.ITEM_SORT_KEY);
        return item;
    }

    private static Key key(Slug slug) {
        return Key.builder().partitionValue(ArticleItem.partitionKey(slug.value())).sortValue(ArticleItem.ITEM_SORT_KEY).build();
    }

    private StoredArticle toArticle(ArticleItem item) {
        return new StoredArticle(
                Slug.of(item.getSlug()),
                item.getVersion(),
                ArticleStatus.fromWire(item.getStatus()),
                documents.unpack(item.getDraft()),
                item.getPublished() == null ? null : documents.unpack(item.getPublished()),
                item.getPublishedVersion(),
                instant(item.getCreatedAt()),
                instant(item.getUpdatedAt()),
                instant(item.getPublishedAt()),
                instant(item.getModifiedAt()),
                item.getPageRevision() == null ? 0 : item.getPageRevision(),
                item.getFormerPaths(),
                savedBy(item.getSavedBySub(), item.getSavedByName()),
                item.getChangeSummary());
    }

    private ArticleListing.Summary toSummary(ArticleItem item) {
        return new ArticleListing.Summary(item.getSlug(), item.getTitle(), item.getSection(),
                ArticleStatus.fromWire(item.getStatus()), item.getVersion(),
                instant(item.getUpdatedAt()), instant(item.getPublishedAt()));
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    /** Articles stored as gzipped JSON: a full draft and its published copy must share one 400 KB item. */
    static final class Documents {
        private final ArticleJson json;

        Documents(ArticleJson json) {
            this.json = json;
        }

        SdkBytes pack(Article article) {
            return SdkBytes.fromByteArrayUnsafe(Gzip.compress(json.write(article)));
        }

        Article unpack(SdkBytes bytes) {
            return json.readStored(Gzip.decompress(bytes.asByteArrayUnsafe()));
        }
    }
}
