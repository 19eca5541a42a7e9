package com.newsdesk.core.rebuild;

import com.newsdesk.core.article.InvalidSlug;
import com.newsdesk.core.article.Slug;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An export of the published articles: one {@code article.schema.json} document per story, named
 * {@code <slug>.json}, and {@code manifest.tsv} with a header line and one {@code slug, section, publishedAt} line
 * per story. Only the manifest is read at once; documents are read one at a time, when their page is rendered.
 */
public final class ArticleArchive {
    static final String MANIFEST = "manifest.tsv";
    private static final String HEADER = "slug\tsection\tpublishedAt";

    /** A story of the archive: where its document is and when it was first published. */
    public record Story(Slug slug, Instant publishedAt) {}

    private final Path dir;

    public ArticleArchive(Path dir) {
        this.dir = dir;
    }

    /** Every story in the manifest, in its order. */
    public List<Story> stories() {
        List<Story> stories = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (BufferedReader manifest = Files.newBufferedReader(dir.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            String header = manifest.readLine();
            if (!HEADER.equals(header)) {
                throw new ArchiveUnreadable(MANIFEST + " must start with the line: slug, section, publishedAt separated by tabs");
            }
            int lineNumber = 1;
            for (String line = manifest.readLine(); line != null; line = manifest.readLine()) {
                lineNumber++;
                if (!line.isEmpty()) {
                    Story story = story(line, lineNumber);
                    if (!seen.add(story.slug().value())) {
                        throw new ArchiveUnreadable(MANIFEST + " line " + lineNumber + ": '" + story.slug() + "' is listed twice");
                    }
                    stories.add(story);
                }
            }
        } catch (NoSuchFileException e) {
            throw new ArchiveUnreadable("no " + MANIFEST + " in " + dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stories;
    }

    /** The JSON document of a story; the slug was validated, so it cannot name a file outside the archive. */
    public byte[] document(Slug slug) {
        try {
            return Files.readAllBytes(dir.resolve(slug.value() + ".json"));
        } catch (NoSuchFileException e) {
            throw new ArchiveUnreadable(MANIFEST + " lists '" + slug + "' but there is no " + slug + ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Story story(String line, int lineNumber) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 3) {
            throw new ArchiveUnreadable(MANIFEST + " line " + lineNumber + ": expected 3 tab-separated fields, found " + fields.length);
        }
        try {
            return new Story(Slug.of(fields[0]), Instant.parse(fields[2]));
        } catch (InvalidSlug e) {
            throw new ArchiveUnreadable(MANIFEST + " line " + lineNumber + ": " + e.getMessage());
        } catch (DateTimeParseException e) {
            throw new ArchiveUnreadable(MANIFEST + " line " + lineNumber + ": publishedAt must be an ISO-8601 instant such as 2025-08-20T09:30:00Z");
        }
    }
}
