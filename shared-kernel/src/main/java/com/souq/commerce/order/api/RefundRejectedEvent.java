package com.souq.commerce.order.api;

import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/**
 * A requested refund was declined by {@code rejectedBy} (null: by the engine, when the return window closed or the
 * whole share was refunded); nothing moves.
 */
@Revision("1")
public record RefundRejectedEvent(RefundId refundId, VendorOrderId vendorOrderId, OrderId orderId,
                                  VendorId vendorId, String customerSubject, Money amount, String rejectedBy,
                                  String reason) {
}
