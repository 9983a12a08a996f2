package com.souq.commerce.order.api;

import com.souq.commerce.payment.api.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The payment is authorized: the order commits to it, after which the customer can no longer cancel before it is
 * paid. The handler answers {@code true} when the order accepted the payment, {@code false} when the order was
 * cancelled first (checkout then voids the authorization).
 */
public record AcceptOrderPaymentCommand(
        @TargetAggregateIdentifier OrderId orderId,
        PaymentId paymentId) {
}
