package com.souq.commerce.listing.query.search.api;

import java.util.List;

/** One page of a listing search with the facet counts of every listing that matched. */
public record ListingSearchResult(
        List<ListingHit> items,
        int page,
        int size,
        long totalItems,
        int totalPages,
        Facets facets) {

    /** Counts per value of each filter, and per price range in one currency. */
    public record Facets(
            List<FacetValue> category,
            List<FacetValue> make,
            List<FacetValue> model,
            List<FacetValue> year,
            List<FacetValue> city,
            List<FacetValue> vendor,
            List<FacetValue> condition,
            List<PriceBucket> price) {
    }

    public record FacetValue(String value, long count) {
    }

    /** Listings priced from {@code from} (inclusive) to {@code to} (exclusive; null: no bound), minor units. */
    public record PriceBucket(Long from, Long to, String currency, long count) {
    }
}
