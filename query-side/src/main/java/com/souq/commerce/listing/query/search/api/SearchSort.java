package com.souq.commerce.listing.query.search.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The orders of a listing search, named in requests by their lower-case names ({@code price_asc}). */
public enum SearchSort {
    RELEVANCE,
    PRICE_ASC,
    PRICE_DESC,
    NEWEST;

    public static Optional<SearchSort> fromName(String name) {
        return Arrays.stream(values()).filter(sort -> sort.name().toLowerCase(Locale.ROOT).equals(name)).findFirst();
    }
}
