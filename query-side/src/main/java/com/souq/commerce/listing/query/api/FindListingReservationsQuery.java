package com.souq.commerce.listing.query.api;

import com.souq.commerce.listing.api.ListingId;

/** A page of the reservations orders made on one listing, newest first, in every state. */
public record FindListingReservationsQuery(ListingId listingId, int page, int size) {
}
