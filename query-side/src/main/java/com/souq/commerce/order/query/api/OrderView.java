package com.souq.commerce.order.query.api;

import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.OrderStatus;
import com.souq.commerce.order.api.ShippingAddress;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentStatus;
import com.souq.commerce.shared.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * One order as its customer and staff see it: lines and totals as checked out, the payment's status, each vendor's
 * share once the order is paid, and everything that happened to it, oldest first. {@code version} is the sequence
 * number of the last Order event the view reflects; vendor orders, payment and timeline come from their own read
 * models and may run a moment ahead of or behind it; so do its refunds (newest first).
 */
public record OrderView(
        String orderId,
        String customerSubject,
        OrderStatus status,
        Totals totals,
        int itemCount,
        int vendorCount,
        ShippingAddress shippingAddress,
        Payment payment,
        Cancellation cancellation,
        List<Line> lines,
        List<VendorOrderSummary> vendorOrders,
        List<TimelineEntry> timeline,
        List<RefundView> refunds,
        Instant placedAt,
        Instant paidAt,
        Instant completedAt,
        Instant cancelledAt,
        Instant updatedAt,
        long version) {

    /** The sums the customer pays, all in one currency; {@code vatRate} in basis points of {@code shipTo}. */
    public record Totals(Money subtotal, Money shipping, Money vat, Money grandTotal, int vatRate, String shipTo) {
    }

    /** One line as checked out: {@code total} is unit price × quantity, {@code vat} is {@code null} if unknown. */
    public record Line(String listingId, String vendorId, int quantity, Money unitPrice, Money total, Money vat) {
    }

    /** The payment: {@code paymentId} and {@code status} are {@code null} until payment is requested. */
    public record Payment(String paymentId, PaymentProvider provider, PaymentStatus status, Money paid) {
    }

    /** Who cancelled the order or asked to ({@code requestedAt} for a paid order), why, and when. */
    public record Cancellation(CancellationParty party, String subject, String reason, Boolean afterPayment,
                               Instant requestedAt, Instant cancelledAt) {
    }
}
