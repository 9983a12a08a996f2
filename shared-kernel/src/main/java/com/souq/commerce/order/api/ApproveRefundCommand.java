package com.souq.commerce.order.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The vendor's staff ({@code actingVendorId}) or an administrator (null) grant a requested refund. Refused (409
 * {@code REFUND_EXCEEDS_CAPTURED}) when it would take the refunds of the vendor order above its captured total;
 * approving it twice changes nothing.
 */
public record ApproveRefundCommand(
        @TargetAggregateIdentifier VendorOrderId vendorOrderId,
        RefundId refundId,
        VendorId actingVendorId,
        String subject) {
}
