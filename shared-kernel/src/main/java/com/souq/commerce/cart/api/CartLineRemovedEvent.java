package com.souq.commerce.cart.api;

import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/** A line left the cart. */
@Revision("1")
public record CartLineRemovedEvent(
        CartId cartId,
        ListingId listingId,
        VendorId vendorId) {
}
