package com.souq.commerce.audit.query.web;

import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.platform.web.FieldError;
import com.souq.commerce.platform.web.Problems;
import com.souq.commerce.shared.money.Currencies;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Query parameters of the audit and analytics reads, checked one by one: every invalid one is listed in a single 400
 * {@code VALIDATION_FAILED} problem ({@link #invalid()}), as the engine does for request bodies. An instant is an
 * ISO-8601 instant ({@code 2026-11-23T18:00:00Z}) or a date, meaning the start of that day in UTC.
 */
public final class Parameters {

    private static final Pattern CATEGORY_RATE = Pattern.compile("([a-z0-9]+(?:-[a-z0-9]+)*):(\\d{1,5})");

    private final List<FieldError> errors = new ArrayList<>();

    public Instant instant(String name, String value, Instant absent) {
        if (value == null || value.isEmpty()) {
            if (absent == null) {
                errors.add(new FieldError(name, "is required (an ISO-8601 instant or date)"));
            }
            return absent;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : Instant.parse(value);
        } catch (DateTimeParseException malformed) {
            errors.add(new FieldError(name, "is not an ISO-8601 instant (2026-11-23T18:00:00Z) or date (2026-11-23)"));
            return absent;
        }
    }

    public LocalDate date(String name, String value, LocalDate absent) {
        if (value == null || value.isEmpty()) {
            if (absent == null) {
                errors.add(new FieldError(name, "is required (an ISO-8601 date, 2026-11-23)"));
            }
            return absent;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException malformed) {
            errors.add(new FieldError(name, "is not an ISO-8601 date (2026-11-23)"));
            return absent;
        }
    }

    /** Refuses {@code from} after {@code to}, and a range longer than {@code maxDays}. */
    public void range(String fromName, LocalDate from, String toName, LocalDate to, int maxDays) {
        if (from == null || to == null) {
            return;
        }
        if (from.isAfter(to)) {
            errors.add(new FieldError(fromName, "is after " + toName));
        } else if (from.plusDays(maxDays).isBefore(to)) {
            errors.add(new FieldError(toName, "is more than " + maxDays + " days after " + fromName));
        }
    }

    public void ordered(String fromName, Instant from, String toName, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError(fromName, "is not before " + toName));
        }
    }

    public LedgerAccount account(String name, String value) {
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(name, "is required: a ledger account such as vendor-payable:<vendorId>"));
            return null;
        }
        try {
            return LedgerAccount.of(value);
        } catch (IllegalArgumentException malformed) {
            errors.add(new FieldError(name, "is not a ledger account: kind or kind:qualifier"));
            return null;
        }
    }

    /** An ISO 4217 code; {@code required} false: null when absent. */
    public String currency(String name, String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                errors.add(new FieldError(name, "is required: an ISO 4217 currency code"));
            }
            return null;
        }
        try {
            return Currencies.of(value).getCurrencyCode();
        } catch (IllegalArgumentException malformed) {
            errors.add(new FieldError(name, "is not an ISO 4217 currency code"));
            return null;
        }
    }

    /** Basis points, 0 to 10,000. */
    public Integer basisPoints(String name, String value) {
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(name, "is required: basis points, 0 to 10000"));
            return null;
        }
        if (!value.matches("\\d{1,5}") || Integer.parseInt(value) > 10_000) {
            errors.add(new FieldError(name, "is not basis points, 0 to 10000"));
            return null;
        }
        return Integer.parseInt(value);
    }

    /** {@code category:basisPoints}. */
    public String[] categoryRate(String name, String value) {
        var matcher = CATEGORY_RATE.matcher(value == null ? "" : value);
        if (value == null || value.length() > 80 || !matcher.matches() || Integer.parseInt(matcher.group(2)) > 10_000) {
            errors.add(new FieldError(name, "is not category:basisPoints (spare-parts:600), 0 to 10000"));
            return null;
        }
        return new String[] {matcher.group(1), matcher.group(2)};
    }

    /** One of {@code choices}; {@code absent} when not given. */
    public String choice(String name, String value, List<String> choices, String absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        if (!choices.contains(value)) {
            errors.add(new FieldError(name, "is not one of " + String.join(", ", choices)));
            return absent;
        }
        return value;
    }

    public void add(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public ResponseEntity<ProblemDetail> invalid() {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                "The request has invalid fields");
        problem.setProperty("errors", List.copyOf(errors));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem);
    }
}
