package com.newsdesk.core.comment;

import com.newsdesk.core.mailbox.EmailAddress;
import com.newsdesk.core.mailbox.Sha256;
import com.newsdesk.core.article.Slug;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Comments in the article's partition of the one table, every change a single-item write:
 * <ul>
 * <li>a comment: {@code pk = ARTICLE#<slug>}, {@code sk = COMMENT#<postedAt>#<id>}, so an article's comments are one
 * query, oldest first; in the {@code byStatus} index under {@code gsi1pk = COMMENTS#<status>},
 * {@code gsi1sk = <postedAt>#<slug>#<id>}, which is the editors' moderation queue across articles;</li>
 * <li>a body seen on the article: {@code sk = BODY#<fingerprint>#<commenter>}, for the duplicate check, forgotten
 * after 30 days ({@code expiresAt});</li>
 * <li>an approved comment as its page shows it: {@code sk = APPROVED#<id>}, a reply {@code APPROVED#<parent id>#<id>},
 * so that a render reads only these, newest first;</li>
 * <li>a used form token: {@code pk = FORM-TOKEN#<sha256 of token>}, {@code sk = FORM-TOKEN}, until it expires;</li>
 * <li>a commenter an editor approved: {@code pk = COMMENTER#<sha256 of e-mail>}, {@code sk = COMMENTER}; with
 * {@code confirmedName} once they followed the confirmation link mailed to them.</li>
 * </ul>
 */
public final class CommentStore {
    static final String QUEUE_INDEX = "byStatus";
    /** Long enough to catch a resubmitted form or a flood; short enough that "Thanks!" can be said again next month. */
    static final Duration BODY_MEMORY = Duration.ofDays(30);
    private static final String BODY_PREFIX = "BODY#";
    private static final String FORM_TOKEN_PREFIX = "FORM-TOKEN#";
    private static final String PAGE_PREFIX = "APPROVED#";
    private static final int EVALUATED_PER_QUERY = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public CommentStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** One page of comments, and the cursor of the next page ({@code null} on the last one). */
    public record Page(List<Comment> items, String nextCursor) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** Stores a new comment with the commenter's address (which is never read back). */
    public void insert(Comment comment, EmailAddress email) {
        Map<String, AttributeValue> item = new HashMap<>(key(comment.slug(), comment.id()));
        item.putAll(queueKeys(comment.slug(), comment.id(), comment.status()));
        item.put("slug", s(comment.slug().value()));
        item.put("id", s(comment.id().value()));
        item.put("name", s(comment.name()));
        item.put("email", s(email.address()));
        item.put("commenter", s(comment.commenterHash()));
        item.put("body", s(comment.body()));
        if (comment.website() != null) {
            item.put("website", s(comment.website()));
        }
        if (comment.replyTo() != null) {
            item.put("replyTo", s(comment.replyTo().value()));
        }
        item.put("status", s(comment.status().wireName()));
        item.put("postedAt", s(comment.postedAt().toString()));
        item.put("clientHash", s(comment.clientHash()));
        item.put("reasons", AttributeValue.fromL(comment.reasons().stream().map(CommentStore::s).toList()));
        dynamoDb.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    public Optional<Comment> find(Slug slug, CommentId id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).key(key(slug, id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(comment(item));
    }

    /** Moves a comment to {@code status}; returns the status it had, or empty if there is no such comment. */
    public Optional<CommentStatus> changeStatus(Slug slug, CommentId id, CommentStatus status, Instant now, String editor) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":status", s(status.wireName()),
                ":now", s(now.toString()),
                ":editor", s(editor)));
        values.put(":queue", queueKeys(slug, id, status).get("gsi1pk"));
        try {
            Map<String, AttributeValue> old = dynamoDb.updateItem(update -> update.tableName(table).key(key(slug, id))
                    .updateExpression("SET #status = :status, gsi1pk = :queue, moderatedAt = :now, moderatedBy = :editor")
                    .conditionExpression("attribute_exists(sk)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.UPDATED_OLD)).attributes();
            return Optional.of(CommentStatus.fromWire(old.get("status").s()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /** Removes a comment; returns it as it was, or empty if there was none. */
    public Optional<Comment> delete(Slug slug, CommentId id) {
        Map<String, AttributeValue> old = dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(slug, id))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        return old == null || old.isEmpty() ? Optional.empty() : Optional.of(comment(old));
    }

    /**
     * Puts an approved comment on its article's page: a copy under {@code APPROVED#}, without the e-mail address,
     * keyed so that each reply sorts right after its parent. Repeating it changes nothing.
     */
    public void showOnPage(Comment comment) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                "pk", s(articleKey(comment.slug())),
                "sk", s(pageKey(comment)),
                "slug", s(comment.slug().value()),
                "id", s(comment.id().value()),
                "name", s(comment.name()),
                "commenter", s(comment.commenterHash()),
                "body", s(comment.body()),
                "status", s(CommentStatus.APPROVED.wireName()),
                "clientHash", s(comment.clientHash()),
                "reasons", AttributeValue.fromL(List.of())));
        if (comment.replyTo() != null) {
            item.put("replyTo", s(comment.replyTo().value()));
        }
        dynamoDb.putItem(put -> put.tableName(table).item(item));
    }

    /**
     * Puts every approved comment on its page, from the moderation index: for comments approved before pages read
     * {@code APPROVED#} copies. Repeating it changes nothing; returns how many comments it put.
     */
    public int putApprovedOnPages() {
        int put = 0;
        for (Map<String, AttributeValue> item : dynamoDb.queryPaginator(query -> query.tableName(table).indexName(QUEUE_INDEX)
                .keyConditionExpression("gsi1pk = :queue")
                .expressionAttributeValues(Map.of(":queue", s(queuePartition(CommentStatus.APPROVED))))).items()) {
            showOnPage(comment(item));
            put++;
        }
        return put;
    }

    /** Takes a comment off its article's page (if it was there). */
    public void removeFromPage(Comment comment) {
        dynamoDb.deleteItem(delete -> delete.tableName(table).key(Map.of(
                "pk", s(articleKey(comment.slug())), "sk", s(pageKey(comment)))));
    }

    /**
     * The newest {@code limit} comments on the article's page, newest thread first, each thread's replies (newest
     * first) before it; read consistently, since a re-render must see the latest approval. One query that reads
     * nothing but these items, however many comments wait in moderation or were caught as spam.
     */
    public List<Comment> newestOnPage(Slug slug, int limit) {
        return dynamoDb.query(query -> query.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :page)")
                        .expressionAttributeValues(Map.of(":pk", s(articleKey(slug)), ":page", s(PAGE_PREFIX)))
                        .scanIndexForward(false)
                        .consistentRead(true)
                        .limit(limit))
                .items().stream().map(CommentStore::comment).toList();
    }

    /** Approved comments after the comment {@code after} ({@code null}: from the first), oldest first. */
    public Page approvedPage(Slug slug, int limit, CommentId after) {
        Map<String, AttributeValue> start = after == null ? null : key(slug, after);
        List<Comment> items = new ArrayList<>();
        while (true) {
            QueryResponse response = dynamoDb.query(approvedQuery(slug, start).build());
            boolean lastPage = !response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty();
            List<Map<String, AttributeValue>> found = response.items();
            for (int i = 0; i < found.size(); i++) {
                items.add(comment(found.get(i)));
                if (items.size() == limit) {
                    boolean more = i < found.size() - 1 || !lastPage;
                    return new Page(items, more ? items.get(limit - 1).id().value() : null);
                }
            }
            if (lastPage) {
                return new Page(items, null);
            }
            start = response.lastEvaluatedKey();
        }
    }

    /** The comments with one status across all articles, oldest first: the moderation queue. */
    public Page queue(CommentStatus status, int limit, QueueCursor after) {
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(QUEUE_INDEX)
                .keyConditionExpression("gsi1pk = :queue")
                .expressionAttributeValues(Map.of(":queue", s(queuePartition(status))))
                .scanIndexForward(true)
                .limit(limit);
        if (after != null) {
            Map<String, AttributeValue> start = new HashMap<>(key(after.slug(), after.id()));
            start.putAll(queueKeys(after.slug(), after.id(), status));
            request.exclusiveStartKey(start);
        }
        QueryResponse response = dynamoDb.query(request.build());
        List<Comment> items = response.items().stream().map(CommentStore::comment).toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !items.isEmpty();
        Comment last = more ? items.get(items.size() - 1) : null;
        return new Page(items, last == null ? null : new QueueCursor(last.slug(), last.id()).value());
    }

    /** Remembers that an editor approved a comment from this commenter. */
    public void trustCommenter(String commenterHash, Instant now) {
        dynamoDb.updateItem(update -> update.tableName(table).key(commenterKey(commenterHash))
                .updateExpression("ADD approvals :one SET lastApprovedAt = :now")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":now", s(now.toString()))));
    }

    /** An editor marked this commenter's comment as spam: their next comments wait for an editor again. */
    public void distrustCommenter(String commenterHash) {
        dynamoDb.deleteItem(delete -> delete.tableName(table).key(commenterKey(commenterHash)));
    }

    /** The name a commenter confirmed their address with ({@link #comparableName}), if they did. */
    public Optional<String> confirmedName(String commenterHash) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).key(commenterKey(commenterHash))
                .consistentRead(true)).item();
        return item == null || !item.containsKey("confirmedName") ? Optional.empty() : Optional.of(item.get("confirmedName").s());
    }

    /** Records that the commenter followed a confirmation link for {@code name}; false if the trust was withdrawn since. */
    public boolean confirmCommenter(String commenterHash, String name, Instant now) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(commenterKey(commenterHash))
                    .updateExpression("SET confirmedName = :name, confirmedAt = :now")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":name", s(comparableName(name)), ":now", s(now.toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Claims the right to mail the commenter a confirmation link: false if one went out within {@code interval}. */
    public boolean claimConfirmationMail(String commenterHash, Instant now, Duration interval) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(commenterKey(commenterHash))
                    .updateExpression("SET linkSentAt = :now")
                    .conditionExpression("attribute_not_exists(linkSentAt) OR linkSentAt < :since")
                    .expressionAttributeValues(Map.of(
                            ":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())),
                            ":since", AttributeValue.fromN(Long.toString(now.minus(interval).getEpochSecond())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The address a comment was posted with: only to mail its commenter, never to show. */
    public Optional<String> emailOf(Slug slug, CommentId id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).key(key(slug, id))
                .projectionExpression("email").consistentRead(true)).item();
        return item == null || !item.containsKey("email") ? Optional.empty() : Optional.of(item.get("email").s());
    }

    /** Names are compared as people read them: spaces around and letter case do not matter. */
    static String comparableName(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Records that this commenter posted this body on the article; false if they already did within
     * {@link #BODY_MEMORY}. One conditional write, so a double-clicked submit stores one comment, never two.
     */
    public boolean claimBody(Slug slug, String fingerprint, String commenterHash, Instant now) {
        try {
            dynamoDb.putItem(put -> put.tableName(table)
                    .item(Map.of(
                            "pk", s(articleKey(slug)),
                            "sk", s(BODY_PREFIX + fingerprint + "#" + commenterHash),
                            "expiresAt", AttributeValue.fromN(Long.toString(now.plus(BODY_MEMORY).getEpochSecond()))))
                    // DynamoDB's TTL sweeps late (and the local server never does): an expired claim is no claim
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Records that a form token was used; false if it already was. One conditional write on the token's hash, kept
     * until the token expires anyway ({@code expiresAt}, for DynamoDB's TTL).
     */
    public boolean claimFormToken(String token, Instant tokenExpires) {
        try {
            dynamoDb.putItem(put -> put.tableName(table)
                    .item(Map.of(
                            "pk", s(FORM_TOKEN_PREFIX + Sha256.hex(token)),
                            "sk", s("FORM-TOKEN"),
                            "expiresAt", AttributeValue.fromN(Long.toString(tokenExpires.getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Undoes {@link #claimFormToken} when the comment could not be stored, so the reader can send it again. */
    public void releaseFormToken(String token) {
        dynamoDb.deleteItem(delete -> delete.tableName(table).key(Map.of(
                "pk", s(FORM_TOKEN_PREFIX + Sha256.hex(token)), "sk", s("FORM-TOKEN"))));
    }

    /** Undoes {@link #claimBody} when the comment could not be stored after all, so the reader can send it again. */
    public void releaseBody(Slug slug, String fingerprint, String commenterHash) {
        dynamoDb.deleteItem(delete -> delete.tableName(table).key(Map.of(
                "pk", s(articleKey(slug)), "sk", s(BODY_PREFIX + fingerprint + "#" + commenterHash))));
    }

    /** True if someone other than this commenter posted the same body on the article recently. */
    public boolean bodySeenFromOthers(Slug slug, String fingerprint, String commenterHash, Instant now) {
        String own = BODY_PREFIX + fingerprint + "#" + commenterHash;
        QueryResponse response = dynamoDb.query(query -> query.tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :body)")
                .filterExpression("expiresAt >= :now")
                .expressionAttributeValues(Map.of(
                        ":pk", s(articleKey(slug)),
                        ":body", s(BODY_PREFIX + fingerprint + "#"),
                        ":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
                .consistentRead(true));
        return response.items().stream().anyMatch(item -> !item.get("sk").s().equals(own));
    }

    private QueryRequest.Builder approvedQuery(Slug slug, Map<String, AttributeValue> start) {
        return QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :comment)")
                .filterExpression("#status = :approved")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(
                        ":pk", s(articleKey(slug)),
                        ":comment", s(CommentId.SORT_KEY_PREFIX),
                        ":approved", s(CommentStatus.APPROVED.wireName())))
                .consistentRead(true)
                .limit(EVALUATED_PER_QUERY)
                .exclusiveStartKey(start);
    }

    private static Comment comment(Map<String, AttributeValue> item) {
        return new Comment(
                Slug.of(item.get("slug").s()),
                CommentId.parse(item.get("id").s()).orElseThrow(),
                item.get("name").s(),
                item.get("commenter").s(),
                item.get("body").s(),
                item.containsKey("website") ? item.get("website").s() : null,
                item.containsKey("replyTo") ? CommentId.parse(item.get("replyTo").s()).orElseThrow() : null,
                CommentStatus.fromWire(item.get("status").s()),
                item.get("clientHash").s(),
                item.get("reasons").l().stream().map(AttributeValue::s).toList(),
                item.containsKey("moderatedAt") ? Instant.parse(item.get("moderatedAt").s()) : null);
    }

    private static String articleKey(Slug slug) {
        return "ARTICLE#" + slug.value();
    }

    /** {@code APPROVED#<id>}, or for a reply {@code APPROVED#<parent id>#<id>}: ids are fixed-width and sort by time. */
    private static String pageKey(Comment comment) {
        return PAGE_PREFIX + (comment.replyTo() == null ? "" : comment.replyTo().value() + "#") + comment.id().value();
    }

    private static String queuePartition(CommentStatus status) {
        return "COMMENTS#" + status.wireName();
    }

    private static Map<String, AttributeValue> key(Slug slug, CommentId id) {
        return Map.of("pk", s(articleKey(slug)), "sk", s(id.sortKey()));
    }

    private static Map<String, AttributeValue> queueKeys(Slug slug, CommentId id, CommentStatus status) {
        return Map.of("gsi1pk", s(queuePartition(status)), "gsi1sk", s(id.sortableTime() + "#" + slug.value() + "#" + id.value()));
    }

    private static Map<String, AttributeValue> commenterKey(String commenterHash) {
        return Map.of("pk", s("COMMENTER#" + commenterHash), "sk", s("COMMENTER"));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
