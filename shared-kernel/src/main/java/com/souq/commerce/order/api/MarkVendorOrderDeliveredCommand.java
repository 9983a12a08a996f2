package com.souq.commerce.order.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer received the vendor's share. */
public record MarkVendorOrderDeliveredCommand(
        @TargetAggregateIdentifier VendorOrderId vendorOrderId,
        VendorId actingVendorId) {
}
