package com.newsdesk.comments;

import com.newsdesk.apigateway.RequestRejected;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body, as a page's form posts it when JavaScript is off. */
final class FormBody {
    static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

    private FormBody() {}

    /** The fields by name; a field sent twice or a broken %-escape is refused, not guessed at. */
    static Map<String, String> decode(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return fields;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (fields.putIfAbsent(name, value) != null) {
                throw new RequestRejected.Malformed("The form sends a field twice; send each field once.");
            }
        }
        return fields;
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new RequestRejected.Malformed("The form body is not valid application/x-www-form-urlencoded.");
        }
    }
}
