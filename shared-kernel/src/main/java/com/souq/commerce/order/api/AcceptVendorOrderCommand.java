package com.souq.commerce.order.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The vendor takes on its share. {@code actingVendorId} is null when staff act. */
public record AcceptVendorOrderCommand(
        @TargetAggregateIdentifier VendorOrderId vendorOrderId,
        VendorId actingVendorId) {
}
