package com.newsdesk.core.article;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonFactory;
import com.newsdesk.core.failure.StrictJson;
import com.newsdesk.core.failure.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the article format of {@code article.schema.json}. Reading an editor's request is strict:
 * the bytes must be well-formed UTF-8 JSON of bounded depth, valid against the schema, and sound by the rules
 * a schema cannot say ({@link ArticleRules}); every problem is reported at once.
 */
public final class ArticleJson {
    /** Articles nest five levels deep at most; anything far deeper is an attack, not an article. */
    private static final int MAX_NESTING_DEPTH = 32;

    private final JsonMapper mapper;
    private volatile ArticleSchema schema;
    /** Reads a body that may still have unknown fields, so the rules can run beside the schema's findings. */
    private final ObjectReader lenient;

    public ArticleJson() {
        this(true);
    }

    /**
     * For reading documents validated when they were saved, as a rebuild does: the schema, whose loading is most of
     * this class's start-up (half a second of a rebuild's CPU), is loaded only if a request is read after all.
     */
    public static ArticleJson forStoredArticles() {
        return new ArticleJson(false);
    }

    private ArticleJson(boolean loadSchemaNow) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.schema = loadSchemaNow ? new ArticleSchema() : null;
        this.lenient = mapper.readerFor(Article.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public JsonMapper mapper() {
        return mapper;
    }

    /** Parses and fully validates what an editor sent. */
    public Article readRequest(byte[] body) {
        JsonNode tree = parse(body);
        List<Violation> violations = new ArrayList<>(schema().validate(tree));
        ControlCharacters.find(tree, "", violations);
        Article article = null;
        try {
            article = lenient.treeToValue(tree, Article.class);
            violations.addAll(ArticleRules.check(article));
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            // the schema has already said why this body is no article; the rules need one to run on
            if (violations.isEmpty()) {
                throw new InvalidArticle(List.of(new Violation("", "is not an article")));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidArticle(violations);
        }
        return article;
    }

    /** Reads an article this system wrote itself (already validated when it was saved). */
    public Article readStored(byte[] json) {
        try {
            return mapper.readValue(json, Article.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored article is unreadable", e);
        }
    }

    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private ArticleSchema schema() {
        ArticleSchema loaded = schema;
        if (loaded == null) {
            synchronized (this) {
                if (schema == null) {
                    schema = new ArticleSchema();
                }
                loaded = schema;
            }
        }
        return loaded;
    }

    private JsonNode parse(byte[] body) {
        return StrictJson.read(mapper, body, "the article as JSON");
    }
}
