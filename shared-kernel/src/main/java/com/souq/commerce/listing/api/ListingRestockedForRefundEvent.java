package com.souq.commerce.listing.api;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/**
 * {@code quantity} items sold to order {@code orderId} and refunded by {@code refundId} are back in stock:
 * {@code quantityOnHand} on hand now, {@code available} of them not held by reservations.
 */
@Revision("1")
public record ListingRestockedForRefundEvent(
        ListingId listingId,
        VendorId vendorId,
        RefundId refundId,
        OrderId orderId,
        int quantity,
        int quantityOnHand,
        int available) {
}
