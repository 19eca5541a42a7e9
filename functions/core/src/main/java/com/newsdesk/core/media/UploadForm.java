package com.newsdesk.core.media;

import java.time.Instant;
import java.util.Map;

/**
 * A presigned POST: the client sends {@code fields} and then the file (as the last part, named {@code file}) as
 * multipart/form-data to {@code url}. S3 checks the signed policy itself and refuses another key, another
 * Content-Type, a file outside the size range, or a form used after {@code expiresAt}.
 */
public record UploadForm(String url, Map<String, String> fields, Instant expiresAt) {
    public UploadForm {
        fields = Map.copyOf(fields);
    }
}
