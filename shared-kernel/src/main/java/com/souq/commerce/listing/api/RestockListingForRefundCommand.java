package com.souq.commerce.listing.api;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.RefundId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An approved refund asked for its items to be restocked: {@code quantity} items that order {@code orderId} took out
 * of stock come back on hand. Keyed by the refund: sending it again for the same refund changes nothing.
 */
public record RestockListingForRefundCommand(
        @TargetAggregateIdentifier ListingId listingId,
        RefundId refundId,
        OrderId orderId,
        int quantity) {
}
