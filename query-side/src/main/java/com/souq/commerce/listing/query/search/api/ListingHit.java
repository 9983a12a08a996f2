package com.souq.commerce.listing.query.search.api;

import com.souq.commerce.listing.api.Condition;
import com.souq.commerce.shared.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A listing as a search answers it: texts per language, the attributes shoppers filter by, the price and stock. */
public record ListingHit(
        String listingId,
        String vendorId,
        String category,
        Map<String, String> title,
        Map<String, String> description,
        String make,
        String model,
        Integer year,
        Integer mileageKm,
        Condition condition,
        List<String> oemNumbers,
        String city,
        Map<String, String> attributes,
        Money price,
        int stock,
        Instant publishedAt) {
}
