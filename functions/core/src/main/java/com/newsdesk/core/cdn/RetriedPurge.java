package com.newsdesk.core.cdn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;

/**
 * A purge that never fails the publish it follows: the pages are in the bucket either way, and a stale cached copy
 * is worth a log line and a retry, not an error to the editor. A purge the CDN refused is logged with its items,
 * kept in {@link PendingPurges}, and sent again before the next purge goes out.
 */
public final class RetriedPurge implements CdnPurge {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CdnPurge cdn;
    private final PendingPurges pending;
    private final PrintStream log;

    public RetriedPurge(CdnPurge cdn, PendingPurges pending, PrintStream log) {
        this.cdn = cdn;
        this.pending = pending;
        this.log = log;
    }

    @Override
    public void purge(Purge purge) {
        for (Purge earlier : pending.all()) {
            if (send(earlier)) {
                pending.forget(earlier);
            }
        }
        if (!purge.isEmpty() && !send(purge)) {
            pending.remember(purge);
        }
    }

    private boolean send(Purge purge) {
        try {
            cdn.purge(purge);
            return true;
        } catch (RuntimeException e) {
            ObjectNode line = JSON.createObjectNode();
            line.put("level", "WARN");
            line.put("message", "CDN purge failed; kept to retry with the next publish");
            line.put("reference", purge.reference());
            line.putPOJO("items", purge.items());
            line.put("error", e.getClass().getSimpleName());
            log.println(line);
            return false;
        }
    }
}
