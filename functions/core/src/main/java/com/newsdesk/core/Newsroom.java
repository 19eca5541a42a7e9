package com.newsdesk.core;

import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.ArticleService;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.author.AuthorStore;
import com.newsdesk.core.author.Authors;
import com.newsdesk.core.aws.AwsClients;
import com.newsdesk.core.aws.SecretParameters;
import com.newsdesk.core.cdn.CdnPurge;
import com.newsdesk.core.cdn.CloudFrontPurge;
import com.newsdesk.core.cdn.HttpCdnPurge;
import com.newsdesk.core.cdn.PendingPurges;
import com.newsdesk.core.cdn.RetriedPurge;
import com.newsdesk.core.comment.CommentService;
import com.newsdesk.core.comment.CommentStore;
import com.newsdesk.core.comment.CommentThreads;
import com.newsdesk.core.comment.FormTokens;
import com.newsdesk.core.comment.ReaderPages;
import com.newsdesk.core.render.ShownComments;
import com.newsdesk.core.comment.SpamWords;
import com.newsdesk.core.comment.TrustedCommenters;
import com.newsdesk.core.mailbox.ConfirmationLinks;
import com.newsdesk.core.mailbox.ConfirmationMailer;
import com.newsdesk.core.newsletter.NewsletterService;
import com.newsdesk.core.newsletter.SubscriptionStore;
import com.newsdesk.core.listing.ListStore;
import com.newsdesk.core.media.MediaLibrary;
import com.newsdesk.core.media.MediaProcessing;
import com.newsdesk.core.media.MediaStore;
import com.newsdesk.core.media.MediaUses;
import com.newsdesk.core.media.PostPolicySigner;
import com.newsdesk.core.media.Renditions;
import com.newsdesk.core.listing.RelatedIndex;
import com.newsdesk.core.pipeline.RenderQueue;
import com.newsdesk.core.pipeline.RenderTask;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.cdn.CacheTags;
import com.newsdesk.core.pipeline.SqsRenderQueue;
import com.newsdesk.core.publish.ArticlePages;
import com.newsdesk.core.publish.AuthorFollowUp;
import com.newsdesk.core.publish.FollowUps;
import com.newsdesk.core.publish.ListPages;
import com.newsdesk.core.publish.Publisher;
import com.newsdesk.core.publish.RenderWorker;
import com.newsdesk.core.publish.SiteRerender;
import com.newsdesk.core.publish.StoryFollowUp;
import com.newsdesk.core.publish.SitePages;
import com.newsdesk.core.share.ShareClicks;
import com.newsdesk.core.share.ShareCodes;
import com.newsdesk.core.share.ShareLinks;
import com.newsdesk.core.share.ShortLinkShareBar;
import com.newsdesk.core.share.ShareBar;
import com.newsdesk.core.ratelimit.RateLimiter;
import com.newsdesk.core.publish.S3SiteBucket;
import com.newsdesk.core.publish.SiteBucket;
import com.newsdesk.core.render.ArticleViews;
import com.newsdesk.core.render.InlineMarkdown;
import com.newsdesk.core.render.PageRenderer;
import com.newsdesk.core.render.SiteAssets;
import com.newsdesk.core.render.StructuredData;
import com.newsdesk.core.site.Settings;
import com.newsdesk.core.site.SiteSettings;
import com.newsdesk.core.store.DynamoArticleStore;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.warmup.SdkWarmUp;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import com.newsdesk.core.schedule.EventBridgeTimers;
import com.newsdesk.core.schedule.ScheduleStore;
import com.newsdesk.core.schedule.ScheduleTimers;
import com.newsdesk.core.schedule.Scheduling;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The composition root: every service of the newsroom wired once, from settings and two SDK clients. Functions
 * build one per container; tests build one per test against the local servers.
 */
public final class Newsroom {
    /** The render queue's maxReceiveCount in template.yaml. */
    static final int DEFAULT_MAX_RECEIVES = 8;

    private final SiteSettings site;
    private final ArticleJson json;
    private final ArticleStore store;
    private final ArticleService articles;
    private final ArticleViews views;
    private final InlineMarkdown markdown;
    private final PageRenderer renderer;
    private final Publisher publisher;
    private final CommentStore comments;
    private final ShareCodes shareCodes;
    private final SiteRerender siteRerender;
    private final RenderWorker renderWorker;
    private final Scheduling scheduling;
    private final Authors authors;
    private final MediaStore media;
    private final MediaUses mediaUses;
    private final RenderQueue queue;
    private final SiteBucket bucket;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final Settings settings;
    private final Clock clock;

    public Newsroom(Settings settings, DynamoDbClient dynamoDb, S3Client s3, SqsClient sqs, Clock clock) {
        this(settings, dynamoDb, s3, sqs, new ArticleJson(), clock);
    }

    private Newsroom(Settings settings, DynamoDbClient dynamoDb, S3Client s3, SqsClient sqs, ArticleJson json, Clock clock) {
        this(settings, dynamoDb, s3, sqs, json, new DynamoArticleStore(dynamoDb, settings.required("TABLE_NAME"), json),
                new S3SiteBucket(s3, settings.required("SITE_BUCKET")), clock);
    }

    /**
     * With the article store and the site bucket given: tests wrap them to let another change land between a
     * render's reads and its write.
     */
    public Newsroom(Settings settings, DynamoDbClient dynamoDb, S3Client s3, SqsClient sqs, ArticleJson json,
                    ArticleStore store, SiteBucket bucket, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.settings = settings;
        this.clock = clock;
        this.site = SiteSettings.from(settings);
        this.json = json;
        this.store = store;
        this.bucket = bucket;
        String table = settings.required("TABLE_NAME");
        AuthorStore authorStore = new AuthorStore(dynamoDb, table);
        this.media = new MediaStore(dynamoDb, table, json.mapper());
        this.mediaUses = new MediaUses(media, store);
        this.articles = new ArticleService(store, json, mediaUses, clock, authorStore::has);
        SiteAssets assets = new SiteAssets();
        StructuredData structuredData = new StructuredData(site);
        this.markdown = new InlineMarkdown();
        this.views = new ArticleViews(site, markdown, structuredData, assets);
        this.renderer = new PageRenderer();
        this.shareCodes = new ShareCodes(dynamoDb, table, new SecureRandom(), clock);
        this.comments = new CommentStore(dynamoDb, table);
        ListStore lists = new ListStore(dynamoDb, table);
        RelatedIndex relatedIndex = new RelatedIndex(dynamoDb, table);
        CdnPurge cdn = new RetriedPurge(cdn(settings), new PendingPurges(dynamoDb, table, clock), System.err);
        this.queue = new SqsRenderQueue(sqs, settings.required("RENDER_QUEUE_URL"));
        FollowUps followUps = new FollowUps(dynamoDb, table, lists);
        ArticlePages pages = new ArticlePages(store, lists, relatedIndex, new ArticlePages.Rendering(views, renderer, site, assets, authorStore),
                bucket, new CommentThreads(comments), new ShortLinkShareBar(shareCodes, site), media);
        SitePages sitePages = new SitePages(lists, views, renderer, bucket, site, structuredData, clock, authorStore);
        this.publisher = new Publisher(store, mediaUses, pages, lists, followUps, queue, cdn, site, clock);
        this.siteRerender = new SiteRerender(dynamoDb, table, lists, sitePages, pages, queue, cdn, clock);
        ScheduleStore schedules = new ScheduleStore(dynamoDb, table);
        this.scheduling = new Scheduling(store, schedules, timers(settings), publisher, clock);
        ListPages listPages = new ListPages(lists, sitePages, cdn);
        this.authors = new Authors(authorStore, queue, json.mapper(), clock);
        this.renderWorker = new RenderWorker(
                new StoryFollowUp(store, lists, relatedIndex, pages, followUps, queue, cdn, sitePages.home()),
                new AuthorFollowUp(lists, sitePages, listPages, queue), listPages, siteRerender, scheduling, queue,
                Integer.parseInt(settings.get("RENDER_MAX_RECEIVES", Integer.toString(DEFAULT_MAX_RECEIVES)).strip()), System.err);
    }

    /**
     * EventBridge Scheduler where the template names a schedule group; locally none, as the local stack's
     * {@code DueSchedules} sends what is due from the stored schedules.
     */
    private static ScheduleTimers timers(Settings settings) {
        String group = settings.get("SCHEDULE_GROUP", "");
        if (group.isEmpty()) {
            return ScheduleTimers.STORED;
        }
        return new EventBridgeTimers(new AwsClients(settings).scheduler(), new EventBridgeTimers.Target(group,
                settings.required("RENDER_QUEUE_ARN"), settings.required("SCHEDULER_ROLE_ARN")));
    }

    /**
     * The local edge cache where its purge endpoint is set (make run), else CloudFront where a distribution is
     * configured (by id, or by the bucket it serves, as the template does), else none.
     */
    private static CdnPurge cdn(Settings settings) {
        String localEdge = settings.get("CDN_PURGE_URL", "");
        if (!localEdge.isEmpty()) {
            return new HttpCdnPurge(URI.create(localEdge));
        }
        String distribution = settings.get("CDN_DISTRIBUTION_ID", "");
        String origin = settings.get("CDN_SITE_ORIGIN", "");
        if (distribution.isEmpty() && origin.isEmpty()) {
            return CdnPurge.NONE;
        }
        CloudFrontClient cloudFront = new AwsClients(settings).cloudFront();
        return new CloudFrontPurge(cloudFront,
                distribution.isEmpty() ? CloudFrontPurge.servingOrigin(cloudFront, origin) : () -> distribution);
    }

    /**
     * Runs every code path of a request that needs no network once, so classes are loaded and initialised (and,
     * under SnapStart, captured in the snapshot) before the first reader's request: JSON parsing and schema
     * validation, Markdown, Pebble, the SDK's marshallers.
     */
    public void prime() {
        String page;
        com.newsdesk.core.article.Article article;
        var slug = com.newsdesk.core.article.Slug.of("ukraine-peace-talks");
        try (var in = Newsroom.class.getResourceAsStream("/samples/ukraine-peace-talks.json")) {
            article = json.readRequest(in.readAllBytes());
            var now = clock.instant();
            page = renderer.article(views.build(slug, article, new ArticleViews.Context(now, now, List.of(), ShownComments.NONE,
                    ShareBar.direct().links(slug, site.absolute("/"), article.title()), false)));
            json.write(article);
            // the sample's text takes the plain shortcut; links and code go through commonmark, which is primed too
            markdown.toHtml("A [link](https://example.org/) and `code`.", Map.of());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SdkWarmUp.warmUp(DynamoDbClient.class, S3Client.class, SqsClient.class);
        primeWrites(slug, article, page.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The writes of a save and a publish (the article stored, its follow-up recorded, the render queue told, the
     * page put in the bucket) through the same classes and SDK clients configured as the real ones, answered in the
     * process: nothing is sent.
     */
    private void primeWrites(com.newsdesk.core.article.Slug slug, com.newsdesk.core.article.Article article, byte[] page) {
        AwsClients answered = AwsClients.answeredInProcess(settings);
        DynamoDbClient dynamoDb = answered.dynamoDb();
        String table = tableName();
        new DynamoArticleStore(dynamoDb, table, json).create(slug, article, com.newsdesk.core.article.SavedBy.SYSTEM, clock.instant());
        new FollowUps(dynamoDb, table, new ListStore(dynamoDb, table)).queued(slug, 1, List.of(ListName.home(site.name())));
        new SqsRenderQueue(answered.sqs(), settings.required("RENDER_QUEUE_URL")).send(List.of(new RenderTask.StoryChanged(slug.value(), 1)));
        new S3SiteBucket(answered.s3(), settings.required("SITE_BUCKET")).put("priming/index.html", page, "text/html; charset=utf-8",
                ArticlePages.PAGE_CACHE_CONTROL, List.of(CacheTags.article(slug.value())));
    }

    /** As deployed: settings from the environment, secrets from Parameter Store, real clients. */
    public static Newsroom fromEnvironment() {
        return from(SecretParameters.fromEnvironment(), Clock.systemUTC());
    }

    /** Real clients made from the settings, which may point them at other endpoints (the local servers). */
    public static Newsroom from(Settings settings, Clock clock) {
        AwsClients clients = new AwsClients(settings);
        return new Newsroom(settings, clients.dynamoDb(), clients.s3(), clients.sqs(), clock);
    }

    public SiteSettings site() { return site; }

    public ArticleJson json() { return json; }

    public ArticleStore store() { return store; }

    public ArticleService articles() { return articles; }

    public ArticleViews views() { return views; }

    public PageRenderer renderer() { return renderer; }

    public Publisher publisher() { return publisher; }

    /** The render queue's worker: lists, feeds, sitemaps, recommending pages and site re-renders. */
    public RenderWorker renderWorker() { return renderWorker; }

    /** Whole-site re-renders through the render queue. */
    public SiteRerender siteRerender() { return siteRerender; }

    public Scheduling scheduling() { return scheduling; }

    public Authors authors() { return authors; }

    public DynamoDbClient dynamoDb() { return dynamoDb; }

    public S3Client s3() { return s3; }

    public Settings settings() { return settings; }

    public Clock clock() { return clock; }

    public String tableName() { return settings.required("TABLE_NAME"); }

    /** Rate limits for public routes; the salt is a deployment secret so client hashes cannot be reversed by lookup. */
    public RateLimiter rateLimiter() {
        return new RateLimiter(dynamoDb, tableName(), settings.get("CLIENT_HASH_SALT", site.baseUrl()), clock);
    }

    /** Readers' short links to published articles, and their click counts. */
    public ShareLinks shareLinks() {
        return new ShareLinks(store, shareCodes, new ShareClicks(dynamoDb, tableName()), rateLimiter(), json.mapper(), site, clock,
                System.err);
    }

    /**
     * Readers' comments; the form tokens' key is a deployment secret, the spam words the newsroom's own list, and
     * {@code mailer} sends commenters the link that confirms their address.
     */
    public CommentService comments(ConfirmationMailer mailer) {
        return new CommentService(store, comments, publisher, rateLimiter(),
                new FormTokens(settings.required("FORM_TOKEN_SECRET"), clock),
                SpamWords.parse(settings.get("COMMENT_SPAM_WORDS", "")),
                new TrustedCommenters(comments,
                        new ConfirmationLinks(dynamoDb, tableName(), TrustedCommenters.LINK_PREFIX, TrustedCommenters.LINK_LIFETIME),
                        mailer, site),
                perMinute("SITE_COMMENT_POSTS_PER_MINUTE", CommentService.DEFAULT_SITE_WIDE_POSTS_PER_MINUTE), clock);
    }

    /** The pages a reader's form post lands on. */
    public ReaderPages readerPages() {
        return new ReaderPages(renderer, views, site);
    }

    /** Newsletter sign-ups, confirmed through the mail {@code mailer} sends. */
    public NewsletterService newsletter(ConfirmationMailer mailer) {
        return new NewsletterService(new SubscriptionStore(dynamoDb, tableName()),
                new ConfirmationLinks(dynamoDb, tableName(), NewsletterService.LINK_PREFIX, NewsletterService.LINK_LIFETIME), mailer,
                rateLimiter(), site,
                perMinute("SITE_NEWSLETTER_MAILS_PER_MINUTE", NewsletterService.DEFAULT_SITE_WIDE_MAILS_PER_MINUTE), clock);
    }

    /** The editors' photo library; uploads go to {@code UPLOADS_BUCKET} through forms signed with the function's credentials. */
    public MediaLibrary mediaLibrary() {
        AwsClients clients = new AwsClients(settings);
        String bucket = settings.required("UPLOADS_BUCKET");
        String region = clients.region().id();
        PostPolicySigner signer = new PostPolicySigner(clients.credentials(), region, bucket,
                PostPolicySigner.bucketUrl(bucket, region, settings.get("LOCAL_ENDPOINT_S3", null)), json.mapper());
        return new MediaLibrary(media, mediaUses, this.bucket, signer, json.mapper(), new SecureRandom(), clock);
    }

    /** Turns uploads into the variants readers get, in the site bucket. */
    public MediaProcessing mediaProcessing(Renditions renditions) {
        return new MediaProcessing(media, mediaUses, queue, s3, bucket, renditions, clock, System.err);
    }

    /** A site-wide ceiling from the settings: a positive whole number. */
    private int perMinute(String name, int fallback) {
        int value = Integer.parseInt(settings.get(name, Integer.toString(fallback)).strip());
        if (value < 1) {
            throw new IllegalStateException(name + " must be at least 1");
        }
        return value;
    }
}
