package com.souq.commerce.listing.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/** The listing left the storefront, for now. */
@Revision("1")
public record ListingUnpublishedEvent(
        ListingId listingId,
        VendorId vendorId) {
}
