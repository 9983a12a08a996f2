package com.souq.commerce.listing.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/** The quantity on hand was counted anew. */
@Revision("1")
public record ListingStockAdjustedEvent(
        ListingId listingId,
        VendorId vendorId,
        int previousQuantityOnHand,
        int quantityOnHand,
        int reserved) {
}
