package com.souq.commerce.order.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The vendor's staff ({@code actingVendorId}) or an administrator (null) decline a requested refund. */
public record RejectRefundCommand(
        @TargetAggregateIdentifier VendorOrderId vendorOrderId,
        RefundId refundId,
        VendorId actingVendorId,
        String subject,
        String reason) {
}
