package com.newsdesk.core.cdn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.TooManyInvalidationsInProgressException;

/**
 * {@link CdnPurge} on CloudFront's {@code CreateInvalidation}. Each batch's caller reference is derived from the
 * purge's reference and its items, so a retried publish re-sends the same invalidation, which CloudFront accepts
 * as the one it already has instead of starting (and billing) another.
 */
public final class CloudFrontPurge implements CdnPurge {
    /** CloudFront allows 3,000 path items in progress per distribution; a third leaves room for concurrent publishes. */
    static final int ITEMS_PER_INVALIDATION = 1000;
    private static final int ATTEMPTS = 4;
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);

    private final CloudFrontClient cloudFront;
    private final Supplier<String> distributionId;

    /** {@code distributionId} is asked at the first purge and may look the distribution up (see {@link #servingOrigin}). */
    public CloudFrontPurge(CloudFrontClient cloudFront, Supplier<String> distributionId) {
        this.cloudFront = cloudFront;
        this.distributionId = distributionId;
    }

    /**
     * The distribution that serves the given origin (the site bucket's regional domain), found once through
     * {@code ListDistributions}. The functions cannot be given the distribution's id in the template: its API
     * origin names the HTTP API, whose routes name the functions, so that would be a circular dependency.
     */
    public static Supplier<String> servingOrigin(CloudFrontClient cloudFront, String originDomain) {
        return new Supplier<>() {
            private volatile String found;

            @Override
            public String get() {
                if (found == null) {
                    found = cloudFront.listDistributionsPaginator(request -> { }).stream()
                            .flatMap(page -> page.distributionList().items().stream())
                            .filter(distribution -> distribution.origins().items().stream()
                                    .anyMatch(origin -> origin.domainName().equalsIgnoreCase(originDomain)))
                            .map(DistributionSummary::id)
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("no CloudFront distribution serves " + originDomain));
                }
                return found;
            }
        };
    }

    @Override
    public void purge(Purge purge) {
        List<List<String>> batches = batches(purge);
        for (int i = 0; i < batches.size(); i++) {
            List<String> items = batches.get(i);
            String reference = callerReference(purge.reference(), i, items);
            invalidate(items, reference);
        }
    }

    private void invalidate(List<String> items, String reference) {
        waitingOutTooMany(() -> cloudFront.createInvalidation(request -> request.distributionId(distributionId.get())
                .invalidationBatch(batch -> batch.callerReference(reference).paths(paths -> paths.quantity(items.size()).items(items)))),
                CloudFrontPurge::sleep);
    }

    /**
     * Waits out "too many invalidations in progress" a few times, twice as long each time (they finish within
     * minutes), then gives up with CloudFront's answer; any other failure goes up at once.
     */
    static void waitingOutTooMany(Runnable createInvalidation, Consumer<Duration> sleep) {
        Duration wait = FIRST_WAIT;
        for (int attempt = 1; ; attempt++) {
            try {
                createInvalidation.run();
                return;
            } catch (TooManyInvalidationsInProgressException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                sleep.accept(wait);
                wait = wait.multipliedBy(2);
            }
        }
    }

    /**
     * Items as CloudFront matches them: tags as they are; a clean URL as the object the viewer request function
     * rewrote it to ({@code /city/slug/index.html}), since that is the key the edge cached it under.
     */
    static List<List<String>> batches(Purge purge) {
        List<String> items = new ArrayList<>();
        for (String item : purge.items()) {
            items.add(item.startsWith("#") || !item.endsWith("/") ? item : item + "index.html");
        }
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += ITEMS_PER_INVALIDATION) {
            batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + ITEMS_PER_INVALIDATION))));
        }
        return batches;
    }

    /** At most 128 characters: the readable reference, shortened, and a hash of everything that makes it unique. */
    static String callerReference(String reference, int batch, List<String> items) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(reference.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) batch);
            items.forEach(item -> digest.update((item + "\n").getBytes(StandardCharsets.UTF_8)));
            String readable = reference.length() > 60 ? reference.substring(0, 60) : reference;
            return readable + "-" + HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for CloudFront", e);
        }
    }
}
