package com.souq.commerce.payment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Checkout decides to take the authorized money (the order accepted it). Moves the payment to CAPTURING, after which
 * it can no longer be cancelled; the payment process then asks the provider to capture.
 */
public record CapturePaymentCommand(@TargetAggregateIdentifier PaymentId paymentId) {
}
