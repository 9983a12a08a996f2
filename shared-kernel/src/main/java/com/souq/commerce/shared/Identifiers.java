package com.souq.commerce.shared;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every aggregate identifier is a lower-case UUID: unguessable, fixed-length and safe in paths, logs and SQL.
 * Typed ids ({@code VendorId}, {@code OrderId}, ...) validate through here so that a malformed or hostile id
 * is refused at the edge, never looked up.
 */
public final class Identifiers {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Identifiers() {
    }

    public static String requireValid(String kind, String value) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw new MalformedIdentifierException(kind, value);
        }
        return value;
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }
}
