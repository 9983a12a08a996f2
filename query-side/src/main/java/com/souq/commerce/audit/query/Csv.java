package com.souq.commerce.audit.query;

/**
 * Fields of RFC 4180 CSV: quoted when they hold a comma, quote or line break, quotes doubled. A text starting with
 * {@code = + - @} is prefixed with a quote mark so that a spreadsheet never runs it as a formula.
 */
final class Csv {

    private Csv() {
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
