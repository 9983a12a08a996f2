package com.souq.commerce.shared;

/** An identifier that cannot name anything: answered as a bad request, never looked up. */
public class MalformedIdentifierException extends IllegalArgumentException {

    private final String kind;

    public MalformedIdentifierException(String kind, String value) {
        super("Not a valid " + kind + " id: " + abbreviate(value));
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
