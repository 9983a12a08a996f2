package com.souq.commerce.listing.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/** The listing is on the storefront. */
@Revision("1")
public record ListingPublishedEvent(
        ListingId listingId,
        VendorId vendorId) {
}
