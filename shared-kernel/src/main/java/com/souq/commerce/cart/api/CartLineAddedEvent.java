package com.souq.commerce.cart.api;

import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/** A listing entered the cart at the unit price the customer saw. */
@Revision("1")
public record CartLineAddedEvent(
        CartId cartId,
        String customerSubject,
        ListingId listingId,
        VendorId vendorId,
        int quantity,
        Money unitPrice) {
}
