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
        try {
            for (Purge earlier : pending.all()) {
                if (send(earlier)) {
                    pending.forget(earlier);
                }
            }
        } catch (RuntimeException e) {
            // the table is out of reach: the pending purges wait for the next publish, this one still goes out
            warn("Pending CDN purges could not be read; they wait for the next publish", null, e);
        }
        if (!purge.isEmpty() && !send(purge)) {
            try {
                pending.remember(purge);
            } catch (RuntimeException e) {
                warn("CDN purge failed and could not be kept; purge these items by hand", purge, e);
            }
        }
    }

    private boolean send(Purge purge) {
        try {
            cdn.purge(purge);
            return true;
        } catch (RuntimeException e) {
            warn("CDN purge failed; kept to retry with the next publish", purge, e);
            return false;
        }
    }

    private void warn(String message, Purge purge, RuntimeException e) {
        ObjectNode line = JSON.createObjectNode();
        line.put("level", "WARN");
        line.put("message", message);
        if (purge != null) {
            line.put("reference", purge.reference());
            line.putPOJO("items", purge.items());
        }
        line.put("error", e.getClass().getSimpleName());
        log.println(line);
    }
}
