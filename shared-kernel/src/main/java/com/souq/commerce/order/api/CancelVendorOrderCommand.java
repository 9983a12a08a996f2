package com.souq.commerce.order.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancel a vendor's share before it ships, by its customer, its vendor or staff. {@code wholeOrder} marks the
 * cancellation of a whole paid order fanned out to its vendor orders: a share already shipped then keeps going instead
 * of refusing.
 */
public record CancelVendorOrderCommand(
        @TargetAggregateIdentifier VendorOrderId vendorOrderId,
        CancellationParty party,
        String subject,
        VendorId actingVendorId,
        String reason,
        boolean wholeOrder) {
}
