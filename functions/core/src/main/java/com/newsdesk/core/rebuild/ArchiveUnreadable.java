package com.newsdesk.core.rebuild;

/** The archive cannot be rebuilt as it is; the message names the file or line to fix. */
public final class ArchiveUnreadable extends RuntimeException {
    public ArchiveUnreadable(String message) {
        super(message);
    }
}
