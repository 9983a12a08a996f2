package com.souq.commerce.order.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The vendor declines its share before accepting it; its items go back to stock. */
public record RejectVendorOrderCommand(
        @TargetAggregateIdentifier VendorOrderId vendorOrderId,
        VendorId actingVendorId,
        String reason) {
}
