package com.newsdesk.apigateway;

import com.newsdesk.core.failure.DomainException;

/** Requests refused at the HTTP edge, before any service sees them. */
public final class RequestRejected {
    private RequestRejected() {}

    public static final class TooLarge extends DomainException {
        public TooLarge() {
            super(Kind.TOO_LARGE, "The body is larger than " + ApiRequest.MAX_BODY_BYTES / 1024 + " KiB.");
        }

        @Override
        public String title() {
            return "Body too large";
        }
    }

    public static final class UnsupportedMediaType extends DomainException {
        public UnsupportedMediaType(String expected) {
            super(Kind.UNSUPPORTED_MEDIA_TYPE, "Send the body as " + expected + "; charset, if given, must be utf-8.");
        }

        @Override
        public String title() {
            return "Unsupported media type";
        }
    }

    public static final class Malformed extends DomainException {
        public Malformed(String detail) {
            super(Kind.MALFORMED, detail);
        }

        @Override
        public String title() {
            return "Bad request";
        }
    }

    public static final class Unauthenticated extends DomainException {
        public Unauthenticated() {
            super(Kind.UNAUTHENTICATED, "Send a valid writer's or editor's token: Authorization: Bearer <JWT>.");
        }

        @Override
        public String title() {
            return "Unauthorized";
        }
    }

    /** A valid token whose groups do not grant the route's role; the detail names the group that would. */
    public static final class MissingRole extends DomainException {
        public MissingRole(Role role) {
            super(Kind.FORBIDDEN, role == Role.EDITOR
                    ? "This route is for members of the editors group."
                    : "This route is for members of the " + role.group() + " or editors group.");
        }

        @Override
        public String title() {
            return "Forbidden";
        }
    }

    /** The API's own endpoint called directly rather than through the site's CDN. */
    public static final class NotThroughCdn extends DomainException {
        public NotThroughCdn() {
            super(Kind.FORBIDDEN, "Use the site's address; the API answers only through it.");
        }

        @Override
        public String title() {
            return "Forbidden";
        }
    }

    public static final class NoSuchRoute extends DomainException {
        public NoSuchRoute(String routeKey) {
            super(Kind.NOT_FOUND, "No route " + routeKey + ".");
        }

        @Override
        public String title() {
            return "Not found";
        }
    }
}
