package com.souq.commerce.listing.api;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/** Items are held for an order; {@code available} is what remains for others. */
@Revision("1")
public record StockReservedEvent(
        ListingId listingId,
        VendorId vendorId,
        OrderId orderId,
        int quantity,
        Money unitPrice,
        int available) {
}
