package com.souq.commerce.order.query.api;

import com.souq.commerce.shared.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * One refund of a vendor order as its customer, its vendor and staff see it. {@code status}: REQUESTED, REJECTED,
 * APPROVED, REFUNDING, REFUNDED; {@code destination} is where the money goes (the customer's wallet also when the
 * provider refused the refund, {@code failureReason} then says why).
 */
public record RefundView(String refundId, String orderId, String vendorOrderId, String vendorId,
                         String customerSubject, String paymentId, String status, boolean automatic, Money amount,
                         List<Line> lines, String requestedDestination, String destination, boolean restock,
                         String reason, String requestedBy, String decidedBy, String rejectionReason, String provider,
                         String providerReference, String failureReason, Instant requestedAt, Instant decidedAt,
                         Instant refundedAt, Instant updatedAt) {

    /** Items refunded: how many of a listing. */
    public record Line(String listingId, int quantity) {
    }
}
