package com.newsdesk.apigateway;

import com.newsdesk.core.article.SavedBy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The person a verified token speaks for: its subject ({@code sub}, stable for the user's life) and a name to show.
 * The name is the first of the claims {@code name}, {@code email} and {@code cognito:username} that the token
 * carries (Cognito's ID token has the last two; {@code name} where the pool keeps that attribute), else the subject.
 */
public record Caller(String subject, String name) {
    private static final List<String> NAME_CLAIMS = List.of("name", "email", "cognito:username");

    static Optional<Caller> of(Map<String, String> claims) {
        String subject = claims.get("sub");
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        String name = NAME_CLAIMS.stream().map(claims::get)
                .filter(value -> value != null && !value.isBlank())
                .findFirst().orElse(subject);
        return Optional.of(new Caller(subject, name));
    }

    /** The caller as a stored version records who saved it. */
    public SavedBy savedBy() {
        return new SavedBy(subject, name);
    }
}
