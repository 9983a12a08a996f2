package com.souq.commerce.listing.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a shopper filters by: typed attributes for vehicles and parts (make, model, year, mileage, condition, OEM
 * part numbers, city) and a free map of further attributes whose keys are slugs ({@code engine-size}). Every field
 * is optional; a category decides which matter.
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

    public ListingAttributes {
        if (year != null && (year < 1886 || year > 2100)) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (mileageKm != null && mileageKm < 0) {
            throw new IllegalArgumentException("mileageKm is never negative");
        }
        oemNumbers = oemNumbers == null ? List.of() : List.copyOf(oemNumbers);
        TreeMap<String, String> copy = new TreeMap<>();
        if (extra != null) {
            extra.forEach((key, value) -> {
                if (key == null || key.length() > 64 || !KEY.matcher(key).matches()) {
                    throw new IllegalArgumentException("Not an attribute key (lower-case slug): " + key);
                }
                copy.put(key, value);
            });
        }
        extra = Collections.unmodifiableMap(copy);
    }

    public static ListingAttributes none() {
        return new ListingAttributes(null, null, null, null, null, List.of(), null, Map.of());
    }
}
