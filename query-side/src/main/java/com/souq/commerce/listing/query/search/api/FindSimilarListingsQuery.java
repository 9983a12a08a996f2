package com.souq.commerce.listing.query.search.api;

import com.souq.commerce.listing.api.ListingId;

/** Published listings like the given one, itself excluded; empty when the listing is not on the storefront. */
public record FindSimilarListingsQuery(ListingId listingId, int size) {
}
