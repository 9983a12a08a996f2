package com.souq.commerce.listing.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/** The listing was deleted. */
@Revision("1")
public record ListingDeletedEvent(
        ListingId listingId,
        VendorId vendorId) {
}
