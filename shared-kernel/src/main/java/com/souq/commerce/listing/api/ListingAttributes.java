package com.souq.commerce.listing.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a shopper filters by: typed attributes for vehicles and parts (make, model, year, mileage, condition, OEM
 * part numbers, city) and a free map of further attributes whose keys are slugs ({@code engine-size}). Every field
 * is optional; a category decides which matter. Texts and lists are bounded: they are indexed for search, where an
 * unbounded value (a 100,000-character make, 10,000 part numbers) would fail the index rather than the request.
 */
public record ListingAttributes(
        String make,
        String model,
        Integer year,
        Integer mileageKm,
        Condition condition,
        List<String> oemNumbers,
        String city,
        Map<String, String> extra) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_TEXT = 100;
    static final int MAX_OEM_NUMBERS = 50;
    static final int MAX_EXTRA = 50;
    static final int MAX_EXTRA_VALUE = 200;

    public ListingAttributes {
        requireShort("make", make, MAX_TEXT);
        requireShort("model", model, MAX_TEXT);
        requireShort("city", city, MAX_TEXT);
        if (year != null && (year < 1886 || year > 2100)) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (mileageKm != null && mileageKm < 0) {
            throw new IllegalArgumentException("mileageKm is never negative");
        }
        if (oemNumbers != null && oemNumbers.size() > MAX_OEM_NUMBERS) {
            throw new IllegalArgumentException("at most " + MAX_OEM_NUMBERS + " OEM numbers");
        }
        if (oemNumbers != null) {
            oemNumbers.forEach(number -> requireShort("OEM number", requirePresent("OEM number", number), MAX_TEXT));
        }
        if (extra != null && extra.size() > MAX_EXTRA) {
            throw new IllegalArgumentException("at most " + MAX_EXTRA + " further attributes");
        }
        oemNumbers = oemNumbers == null ? List.of() : List.copyOf(oemNumbers);
        TreeMap<String, String> copy = new TreeMap<>();
        if (extra != null) {
            extra.forEach((key, value) -> {
                if (key == null || key.length() > 64 || !KEY.matcher(key).matches()) {
                    throw new IllegalArgumentException("Not an attribute key (lower-case slug): " + key);
                }
                requireShort("attribute " + key, requirePresent("attribute " + key, value), MAX_EXTRA_VALUE);
                copy.put(key, value);
            });
        }
        extra = Collections.unmodifiableMap(copy);
    }

    private static void requireShort(String name, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(name + " is longer than " + max + " characters");
        }
    }

    private static String requirePresent(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " has no value");
        }
        return value;
    }

    public static ListingAttributes none() {
        return new ListingAttributes(null, null, null, null, null, List.of(), null, Map.of());
    }
}
