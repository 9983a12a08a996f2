package com.souq.commerce.cart.api;

import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/** A line now holds {@code quantity} items. */
@Revision("1")
public record CartLineQuantityChangedEvent(
        CartId cartId,
        ListingId listingId,
        VendorId vendorId,
        int previousQuantity,
        int quantity,
        Money unitPrice) {
}
