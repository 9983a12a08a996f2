package com.souq.commerce.order.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The vendor handed its share to a carrier; the items leave its stock for good. */
public record ShipVendorOrderCommand(
        @TargetAggregateIdentifier VendorOrderId vendorOrderId,
        VendorId actingVendorId,
        String carrier,
        String trackingReference) {
}
