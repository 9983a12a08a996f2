package com.souq.commerce.payment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider declined, or the shopper's extra action failed. Ignored once the payment is final. */
public record RecordPaymentFailureCommand(
        @TargetAggregateIdentifier PaymentId paymentId,
        String providerReference,
        String reason) {
}
