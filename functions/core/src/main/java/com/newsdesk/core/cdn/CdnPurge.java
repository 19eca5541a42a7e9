package com.newsdesk.core.cdn;

/** Drops cached copies at the CDN: CloudFront in AWS, the local edge cache under make run and in tests. */
public interface CdnPurge {
    /** Nothing in front of the bucket caches, e.g. a function run without a distribution configured. */
    CdnPurge NONE = purge -> {};

    /** Throws if the CDN did not accept the purge; {@link RetriedPurge} keeps it for later. */
    void purge(Purge purge);
}
