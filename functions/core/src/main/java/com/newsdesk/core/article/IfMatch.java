package com.newsdesk.core.article;

import java.util.Set;

/** The versions an editor's save may replace, as its {@code If-Match} names them (RFC 9110 §13.1.1). */
public sealed interface IfMatch {
    /** No {@code If-Match}: a create, or a save of an existing article that must first say what it replaces. */
    IfMatch ABSENT = new Absent();
    /** {@code If-Match: *}: any current version. */
    IfMatch ANY = new AnyVersion();

    static IfMatch version(long version) {
        return new Versions(Set.of(version));
    }

    record Absent() implements IfMatch {}

    record AnyVersion() implements IfMatch {}

    /** The versions the entity tags name; empty when none of them is a version of ours, which no article matches. */
    record Versions(Set<Long> versions) implements IfMatch {
        public Versions {
            versions = Set.copyOf(versions);
        }
    }
}
