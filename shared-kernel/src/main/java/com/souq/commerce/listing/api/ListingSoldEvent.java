package com.souq.commerce.listing.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/** The listing was declared sold and left the storefront for good. */
@Revision("1")
public record ListingSoldEvent(
        ListingId listingId,
        VendorId vendorId) {
}
