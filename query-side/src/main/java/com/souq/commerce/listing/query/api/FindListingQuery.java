package com.souq.commerce.listing.query.api;

import com.souq.commerce.listing.api.ListingId;

/**
 * One listing in whatever status, drafts included (who may see it is the caller's business); answered with an empty
 * Optional when it is unknown.
 */
public record FindListingQuery(ListingId listingId) {
}
