package com.souq.commerce.listing.api;

import com.souq.commerce.order.api.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Checkout asks to hold {@code quantity} items for an order; idempotent per order. */
public record ReserveStockCommand(
        @TargetAggregateIdentifier ListingId listingId,
        OrderId orderId,
        int quantity) {
}
