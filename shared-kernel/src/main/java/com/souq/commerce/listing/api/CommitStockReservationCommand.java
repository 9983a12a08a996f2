package com.souq.commerce.listing.api;

import com.souq.commerce.order.api.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An order is paid: what it held leaves the stock for good; idempotent per order. */
public record CommitStockReservationCommand(
        @TargetAggregateIdentifier ListingId listingId,
        OrderId orderId) {
}
