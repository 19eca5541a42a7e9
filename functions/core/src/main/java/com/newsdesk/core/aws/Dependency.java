package com.newsdesk.core.aws;

/** The services a request can wait on, named as an editor or reader is told about them. */
public enum Dependency {
    STORAGE("storage", "Storage unavailable", "The article store (DynamoDB)"),
    SITE_BUCKET("site-bucket", "Site bucket unavailable", "The site bucket (S3)"),
    RENDER_QUEUE("render-queue", "Render queue unavailable", "The render queue (SQS)"),
    SCHEDULER("scheduler", "Scheduler unavailable", "The publishing scheduler (EventBridge Scheduler)"),
    /** Never reported to callers: a failed purge is kept and retried, and the publish goes on. */
    CDN("cdn", "CDN unavailable", "The CDN (CloudFront)"),
    MAIL("mail", "Mail unavailable", "The mail service (SES)");

    private final String wireName;
    private final String title;
    private final String description;

    Dependency(String wireName, String title, String description) {
        this.wireName = wireName;
        this.title = title;
        this.description = description;
    }

    /** As problem+json names it: {@code "unavailable": "storage"}. */
    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }
}
