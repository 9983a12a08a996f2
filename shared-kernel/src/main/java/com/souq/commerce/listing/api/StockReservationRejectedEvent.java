package com.souq.commerce.listing.api;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/** An order could not get the items it asked for; checkout reacts to this. */
@Revision("1")
public record StockReservationRejectedEvent(
        ListingId listingId,
        VendorId vendorId,
        OrderId orderId,
        int quantity,
        int available,
        String reason) {
}
