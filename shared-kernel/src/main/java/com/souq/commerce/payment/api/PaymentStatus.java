package com.souq.commerce.payment.api;

/**
 * Where a payment stands: INITIATED → (REQUIRES_ACTION) → AUTHORIZED → CAPTURING → CAPTURED, or FAILED / CANCELLED.
 * CAPTURING is the point of no return: once the engine decided to capture, a cancellation no longer applies.
 */
public enum PaymentStatus {
    INITIATED,
    REQUIRES_ACTION,
    AUTHORIZED,
    CAPTURING,
    CAPTURED,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this == CAPTURED || this == FAILED || this == CANCELLED;
    }
}
