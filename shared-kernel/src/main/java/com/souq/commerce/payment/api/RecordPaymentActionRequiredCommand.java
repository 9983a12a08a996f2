package com.souq.commerce.payment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider wants the shopper to do something first (3-D Secure, an app approval) at {@code nextActionUrl}. */
public record RecordPaymentActionRequiredCommand(
        @TargetAggregateIdentifier PaymentId paymentId,
        String providerReference,
        String nextActionUrl) {
}
