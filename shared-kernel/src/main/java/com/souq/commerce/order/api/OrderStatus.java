package com.souq.commerce.order.api;

/**
 * Where an order stands: PLACED → STOCK_RESERVED → PAYMENT_PENDING → PAID → COMPLETED, or CANCELLED;
 * after payment also PARTIALLY_REFUNDED / REFUNDED.
 */
public enum OrderStatus {
    PLACED,
    STOCK_RESERVED,
    PAYMENT_PENDING,
    PAID,
    COMPLETED,
    CANCELLED,
    PARTIALLY_REFUNDED,
    REFUNDED
}
