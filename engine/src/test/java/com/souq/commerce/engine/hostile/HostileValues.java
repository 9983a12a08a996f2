package com.souq.commerce.engine.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The catalogue the corpus draws from: texts that are only dangerous to a careless renderer, query builder or
 * terminal (acceptable as text, never executed), texts no store can hold faithfully, numbers no field admits, and ids
 * that are not ids. Every value is given as the exact JSON or URI text sent, so that the corpus can send what a
 * well-behaved client library would refuse to produce.
 */
final class HostileValues {

    /** A 10,000-character id: long enough to hurt a careless lookup, short enough to pass the header size limit. */
    static final String LONG_ID = "a".repeat(10_000);
    static final String HUGE_TEXT = "x".repeat(100_000);
    static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

    /** Texts a person may type or paste; stored as text, they must come back as the same text, never interpreted. */
    static final Map<String, String> TEXTS = ordered(
            "script tag", "<script>alert(1)</script>",
            "attribute breakout", "\"><img src=x onerror=alert(1)>",
            "SQL tautology", "' OR 1=1 --",
            "SQL statement", "x'); DROP TABLE domainevententry; --",
            "RTL override", "invoice\u202Egpj.exe",
            "zero-width characters", "zero\u200Bwidth\u200Djoiner\u200Cnon\uFEFFbom",
            "Arabic with tatweel", "قطـــــع غيـــــار",
            "JNDI lookup", "${jndi:ldap://127.0.0.1:1389/a}",
            "template expressions", "{{7*7}}${7*7}#{7*7}",
            "CR LF", "first line\r\nX-Injected: 1",
            "ANSI escape", "\u001B[31mred\u001B[0m",
            "emoji ZWJ sequence", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
            "combining marks", "Z\u0337\u0322a\u0335l\u0336g\u0338o\u0334",
            "path traversal", "../../etc/passwd",
            "empty", "",
            "blank", "   ");

    /** JSON string literals no text field may hold: they cannot be stored or encoded faithfully. Always refused. */
    static final Map<String, byte[]> UNSTORABLE_TEXTS = orderedBytes(
            "NUL character", ascii("\"nul\\u0000byte\""),
            "lone high surrogate", ascii("\"\\uD800\""),
            "lone low surrogate", ascii("\"x\\uDC00y\""),
            "reversed surrogate pair", ascii("\"\\uDC00\\uD800\""),
            "invalid UTF-8", new byte[] {'"', 'a', (byte) 0xFF, (byte) 0xFE, 'b', '"'},
            "overlong UTF-8 slash", new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'},
            "100,000 characters", ascii("\"" + HUGE_TEXT + "\""));

    /** Numbers (and non-numbers) no integer field of this API admits: negative, fractional, beyond 64 bits, text. */
    static final Map<String, String> NEVER_INTEGERS = ordered(
            "negative", "-1",
            "fraction", "1.5",
            "1e400", "1e400",
            "-1e400", "-1e400",
            "2^63", "9223372036854775808",
            "-2^63-1", "-9223372036854775809",
            "1,001 digits", "1" + "0".repeat(1_000),
            "number as string", "\"1\"",
            "boolean", "true",
            "array", "[1]",
            "object", "{}",
            "NaN", "NaN",
            "Infinity", "Infinity",
            "leading zeros", "007",
            "hexadecimal", "0x10");

    /** JSON of the wrong shape for a text field. */
    static final Map<String, String> NOT_TEXTS = ordered(
            "number for text", "42",
            "boolean for text", "true",
            "array for text", "[\"x\"]",
            "empty array for text", "[]",
            "object for text", "{}");

    /** Whole bodies that are not JSON, or not one JSON value of the right shape; {@code $VALID} is the valid body. */
    static final Map<String, String> BROKEN_BODIES = ordered(
            "unterminated object", "{",
            "unterminated member", "{\"a\":",
            "lone closing brace", "}",
            "single quotes", "{'a': 1}",
            "bare word", "nul",
            "comment before", "/* comment */ $VALID",
            "trailing brace", "$VALID}",
            "trailing garbage", "$VALID garbage",
            "two documents", "$VALID $VALID",
            "null", "null",
            "empty array", "[]",
            "array of the body", "[$VALID]",
            "number", "42",
            "boolean", "true",
            "string", "\"text\"",
            "nested 100,000 deep", "[".repeat(100_000),
            "objects nested 10,000 deep", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));

    /** Content types a JSON endpoint must refuse (415) rather than guess. */
    static final Map<String, String> WRONG_CONTENT_TYPES = ordered(
            "text/plain", "text/plain",
            "XML", "application/xml",
            "form", "application/x-www-form-urlencoded",
            "multipart", "multipart/form-data; boundary=corpus",
            "JSON patch", "application/json-patch+json",
            "unknown charset", "application/json; charset=klingon",
            "UTF-16 charset for UTF-8 bytes", "application/json; charset=UTF-16",
            "not a media type", "json");

    /**
     * Ids refused by Tomcat or Spring Security's firewall before any route is chosen (encoded slashes, NUL, invalid
     * UTF-8, dot segments, {@code ;}, {@code //}, oversized request lines): the same for every method of a path.
     */
    static final Set<String> REFUSED_BEFORE_ROUTING = Set.of("path traversal", "encoded traversal",
            "double-encoded traversal", "encoded slashes", "encoded backslashes", "NUL", "NUL inside", "CR LF",
            "invalid UTF-8", "overlong UTF-8 slash", "matrix parameter", "script tag", "empty", "dot",
            "20,000 characters (beyond the header limit)");

    /** Path segments that are not ids, as sent on the wire (percent-encoded where a client would encode). */
    static Map<String, String> notIds(String validId) {
        return ordered(
                "not a UUID", "not-a-uuid",
                "number", "12345",
                "upper-case UUID", validId.toUpperCase(Locale.ROOT),
                "braced UUID", "%7B" + validId + "%7D",
                "UUID with suffix", validId + "0",
                "path traversal", "../../etc/passwd",
                "encoded traversal", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "double-encoded traversal", "%252e%252e%252fetc%252fpasswd",
                "encoded slashes", "..%2F..%2Fetc%2Fpasswd",
                "encoded backslashes", "..%5C..%5Cwindows%5Cwin.ini",
                "NUL", "%00",
                "NUL inside", validId.substring(0, 8) + "%00" + validId.substring(8),
                "CR LF", "x%0D%0ASet-Cookie:%20a=b",
                "invalid UTF-8", "%FF%FE",
                "overlong UTF-8 slash", "%C0%AF",
                "matrix parameter", validId + ";jsessionid=1",
                "script tag", encode("<script>alert(1)</script>"),
                "SQL tautology", encode("' OR 1=1 --"),
                "Arabic with tatweel", encode("قطـــع"),
                "RTL override", encode("\u202E" + validId),
                "empty", "",
                "dot", ".",
                "10,000 characters", LONG_ID,
                "20,000 characters (beyond the header limit)", "0".repeat(20_000));
    }

    /** A query value that is not a number or is out of every range. */
    static final Map<String, String> NEVER_NUMBERS_IN_QUERY = ordered(
            "negative", "-1",
            "2^63", "9223372036854775808",
            "-2^63-1", "-9223372036854775809",
            "1e400", "1e400",
            "fraction", "1.5",
            "word", "abc",
            "hexadecimal", "0x10",
            "NUL", "%00",
            "script tag", encode("<script>alert(1)</script>"),
            "10,000 digits", "9".repeat(10_000));

    private HostileValues() {
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static byte[] ascii(String json) {
        return json.getBytes(StandardCharsets.US_ASCII);
    }

    private static Map<String, String> ordered(String... labelsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            values.put(labelsAndValues[i], labelsAndValues[i + 1]);
        }
        return values;
    }

    private static Map<String, byte[]> orderedBytes(Object... labelsAndValues) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            values.put((String) labelsAndValues[i], (byte[]) labelsAndValues[i + 1]);
        }
        return values;
    }
}
