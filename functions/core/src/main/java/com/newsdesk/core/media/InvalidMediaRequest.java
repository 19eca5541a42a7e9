package com.newsdesk.core.media;

import com.newsdesk.core.failure.DomainException;
import com.newsdesk.core.failure.Violation;
import java.util.List;

/** A request of the media routes refused: an upload the library will not sign (what processing would refuse anyway, said before the file travels), or a malformed listing. */
public final class InvalidMediaRequest extends DomainException {
    private final List<Violation> violations;

    InvalidMediaRequest(Kind kind, Violation violation) {
        super(kind, violation.pointer() + " " + violation.message());
        this.violations = List.of(violation);
    }

    @Override
    public String title() {
        return "Invalid media request";
    }

    @Override
    public List<Violation> violations() {
        return violations;
    }
}
