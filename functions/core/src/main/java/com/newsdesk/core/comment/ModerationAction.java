package com.newsdesk.core.comment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.core.failure.DomainException;
import com.newsdesk.core.failure.Violation;
import com.newsdesk.core.failure.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What an editor does with a comment: the body {@code {"action": "approve" | "reject" | "spam"}}. */
public enum ModerationAction {
    APPROVE(CommentStatus.APPROVED), REJECT(CommentStatus.REJECTED), SPAM(CommentStatus.SPAM);

    private static final String ACTION = "action";
    private final CommentStatus result;

    ModerationAction(CommentStatus result) {
        this.result = result;
    }

    public CommentStatus result() {
        return result;
    }

    public static ModerationAction fromJson(ObjectMapper mapper, byte[] body) {
        SubmittedFields fields = SubmittedFields.ofJson(mapper, body, Set.of(ACTION));
        List<Violation> violations = new ArrayList<>(fields.problems());
        String action = fields.get(ACTION);
        ModerationAction parsed = null;
        for (ModerationAction candidate : values()) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(action)) {
                parsed = candidate;
            }
        }
        if (parsed == null) {
            violations.add(new Violation("/" + ACTION, action == null ? "is required: approve, reject or spam" : "must be approve, reject or spam"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidModeration(violations);
        }
        return parsed;
    }

    public static final class InvalidModeration extends DomainException {
        private final List<Violation> violations;

        InvalidModeration(List<Violation> violations) {
            super(Kind.INVALID, Violations.summary("moderation request", violations));
            this.violations = List.copyOf(violations);
        }

        @Override
        public String title() {
            return "Invalid moderation";
        }

        @Override
        public List<Violation> violations() {
            return violations;
        }
    }
}
