package com.souq.commerce.order.query.api;

import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.ShippingAddress;
import com.souq.commerce.order.api.VendorOrderStatus;
import com.souq.commerce.shared.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * A vendor's share of a paid order as the vendor, the customer and staff see it: what to pick and where to ship it.
 * {@code closing} says who rejected or cancelled it and what is owed back; {@code null} otherwise. {@code version} is
 * the sequence number of the last VendorOrder event the view reflects.
 */
public record VendorOrderView(
        String vendorOrderId,
        String orderId,
        String vendorId,
        String customerSubject,
        VendorOrderStatus status,
        List<Line> lines,
        Totals totals,
        int itemCount,
        ShippingAddress shippingAddress,
        Shipment shipment,
        Closing closing,
        Instant createdAt,
        Instant acceptedAt,
        Instant deliveredAt,
        Instant updatedAt,
        long version) {

    /** One line: {@code total} is unit price × quantity, {@code vat} is {@code null} if unknown. */
    public record Line(String listingId, int quantity, Money unitPrice, Money total, Money vat) {
    }

    /** {@code vat} includes {@code shippingVat}; {@code total} = subtotal + shipping + vat. */
    public record Totals(Money subtotal, Money shipping, Money shippingVat, Money vat, Money total) {
    }

    /** With whom and under which reference the share travels; {@code null} until shipped. */
    public record Shipment(String carrier, String trackingReference, Instant shippedAt) {
    }

    /** A rejection ({@code party} VENDOR) or cancellation: why, and what is owed back to the customer. */
    public record Closing(CancellationParty party, String subject, String reason, Money refundDue, Instant closedAt) {
    }
}
