package com.souq.commerce.order.query.api;

import com.souq.commerce.order.api.OrderStatus;
import com.souq.commerce.payment.api.PaymentStatus;
import com.souq.commerce.shared.money.Money;
import java.time.Instant;
import java.util.List;

/** One order in a customer's history: its status, what it cost, and where each vendor's share stands. */
public record OrderSummary(
        String orderId,
        OrderStatus status,
        PaymentStatus paymentStatus,
        Money grandTotal,
        int itemCount,
        int vendorCount,
        List<VendorOrderSummary> vendorOrders,
        Instant placedAt,
        Instant updatedAt,
        long version) {
}
