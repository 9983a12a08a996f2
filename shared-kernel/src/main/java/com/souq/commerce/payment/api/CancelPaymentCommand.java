package com.souq.commerce.payment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Checkout gives up on the payment (deadline passed, order cancelled). Cancels an INITIATED, REQUIRES_ACTION or
 * AUTHORIZED payment; changes nothing once capture started or the payment is final (the handler answers whether it
 * cancelled).
 */
public record CancelPaymentCommand(
        @TargetAggregateIdentifier PaymentId paymentId,
        String reason) {
}
