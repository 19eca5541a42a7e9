package com.newsdesk.apigateway;

/** The check of the routes only editors may call. */
public final class Editors {
    private Editors() {}

    /** Returns the editor's subject, or throws 401/403. */
    public static String require(ApiRequest request) {
        return Role.EDITOR.require(request).subject();
    }
}
