package com.souq.commerce.order.api;

/**
 * Where an order stands: PLACED → STOCK_RESERVED → PAYMENT_PENDING → PAID → COMPLETED, or CANCELLED;
 * after payment also PARTIALLY_REFUNDED / REFUNDED. A cash-on-delivery order goes PAYMENT_PENDING →
 * PAYMENT_ON_DELIVERY → COMPLETED (or CANCELLED): it is fulfilled like a paid one and paid as it is delivered.
 */
public enum OrderStatus {
    PLACED,
    STOCK_RESERVED,
    PAYMENT_PENDING,
    PAID,
    COMPLETED,
    CANCELLED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    PAYMENT_ON_DELIVERY
}
