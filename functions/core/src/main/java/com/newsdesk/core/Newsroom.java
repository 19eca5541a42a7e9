package com.newsdesk.core;

import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.ArticleService;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.aws.AwsClients;
import com.newsdesk.core.publish.ApprovedComments;
import com.newsdesk.core.publish.Publisher;
import com.newsdesk.core.publish.ShareBar;
import com.newsdesk.core.ratelimit.RateLimiter;
import com.newsdesk.core.publish.S3SiteBucket;
import com.newsdesk.core.render.ArticleViews;
import com.newsdesk.core.render.InlineMarkdown;
import com.newsdesk.core.render.PageRenderer;
import com.newsdesk.core.render.SiteAssets;
import com.newsdesk.core.render.StructuredData;
import com.newsdesk.core.site.Settings;
import com.newsdesk.core.site.SiteSettings;
import com.newsdesk.core.store.DynamoArticleStore;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The composition root: every service of the newsroom wired once, from settings and two SDK clients. Functions
 * build one per container; tests build one per test against the local servers.
 */
public final class Newsroom {
    private final SiteSettings site;
    private final ArticleJson json;
    private final ArticleStore store;
    private final ArticleService articles;
    private final ArticleViews views;
    private final PageRenderer renderer;
    private final Publisher publisher;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final Settings settings;
    private final Clock clock;

    public Newsroom(Settings settings, DynamoDbClient dynamoDb, S3Client s3, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.settings = settings;
        this.clock = clock;
        this.site = SiteSettings.from(settings);
        this.json = new ArticleJson();
        this.store = new DynamoArticleStore(dynamoDb, settings.required("TABLE_NAME"), json);
        this.articles = new ArticleService(store, json, clock);
        SiteAssets assets = new SiteAssets();
        this.views = new ArticleViews(site, new InlineMarkdown(), new StructuredData(site), assets.stylesheetPath());
        this.renderer = new PageRenderer();
        this.publisher = new Publisher(store, views, renderer,
                new S3SiteBucket(s3, settings.required("SITE_BUCKET")), assets, site,
                ApprovedComments.NONE, ShareBar.direct(), clock);
    }

    /** As deployed: settings from the environment, real clients. */
    public static Newsroom fromEnvironment() {
        Settings settings = Settings.fromEnvironment();
        AwsClients clients = new AwsClients(settings);
        return new Newsroom(settings, clients.dynamoDb(), clients.s3(), Clock.systemUTC());
    }

    public SiteSettings site() { return site; }

    public ArticleJson json() { return json; }

    public ArticleStore store() { return store; }

    public ArticleService articles() { return articles; }

    public ArticleViews views() { return views; }

    public PageRenderer renderer() { return renderer; }

    public Publisher publisher() { return publisher; }

    public DynamoDbClient dynamoDb() { return dynamoDb; }

    public S3Client s3() { return s3; }

    public Settings settings() { return settings; }

    public Clock clock() { return clock; }

    public String tableName() { return settings.required("TABLE_NAME"); }

    /** Rate limits for public routes; the salt is a deployment secret so client hashes cannot be reversed by lookup. */
    public RateLimiter rateLimiter() {
        return new RateLimiter(dynamoDb, tableName(), settings.get("CLIENT_HASH_SALT", site.baseUrl()), clock);
    }
}
