package com.souq.commerce.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Optimistic concurrency over HTTP: a read answers the aggregate's version as its {@code ETag} ({@code "3"}), and a
 * command sent with {@code If-Match: "3"} is refused with 409 if anything changed the aggregate since.
 */
public final class ExpectedVersion {

    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private ExpectedVersion() {
    }

    /** The version named by an {@code If-Match} header, or {@code null} (no check) when there is none. */
    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.equals("*")) {
            return null;
        }
        Matcher matcher = ENTITY_TAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "If-Match must be the quoted version from the ETag of a read, such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    public static String entityTag(long version) {
        return "\"" + version + "\"";
    }
}
