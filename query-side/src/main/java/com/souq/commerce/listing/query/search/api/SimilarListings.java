package com.souq.commerce.listing.query.search.api;

import java.util.List;

/** Listings like one, most similar first. */
public record SimilarListings(String listingId, List<ListingHit> items) {
}
