package com.souq.commerce.listing.api;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/** What an order held is available again. */
@Revision("1")
public record StockReservationReleasedEvent(
        ListingId listingId,
        VendorId vendorId,
        OrderId orderId,
        int quantity,
        int available) {
}
