package com.souq.commerce.listing.api;

import com.souq.commerce.order.api.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Checkout gives back what an order held (cancelled, payment failed); idempotent per order. */
public record ReleaseStockReservationCommand(
        @TargetAggregateIdentifier ListingId listingId,
        OrderId orderId) {
}
