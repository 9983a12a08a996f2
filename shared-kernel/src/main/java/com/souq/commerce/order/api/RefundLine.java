package com.souq.commerce.order.api;

import com.souq.commerce.listing.api.ListingId;

/** Part of a vendor order's line to refund: which listing and how many of the items bought. */
public record RefundLine(ListingId listingId, int quantity) {
}
