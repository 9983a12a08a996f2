package com.souq.commerce.listing.query.search.api;

import com.souq.commerce.listing.api.Category;
import com.souq.commerce.listing.api.Condition;

/**
 * Published listings of approved vendors matching a text and filters; every filter is optional (null). Prices are
 * minor units of {@code currency}.
 */
public record SearchListingsQuery(
        String text,
        Category category,
        String make,
        String model,
        Integer yearFrom,
        Integer yearTo,
        Long priceFrom,
        Long priceTo,
        String currency,
        String city,
        String vendorId,
        Condition condition,
        SearchSort sort,
        int page,
        int size) {
}
