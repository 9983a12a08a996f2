package com.souq.commerce.order.query.api;

import com.souq.commerce.order.api.VendorOrderStatus;
import com.souq.commerce.shared.money.Money;
import java.time.Instant;

/** Where one vendor's share of an order stands, as the order's customer follows it. */
public record VendorOrderSummary(
        String vendorOrderId,
        String vendorId,
        VendorOrderStatus status,
        Money total,
        String carrier,
        String trackingReference,
        Instant updatedAt) {
}
