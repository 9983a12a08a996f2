package com.souq.commerce.payment.api;

import com.souq.commerce.shared.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider holds {@code amount} for us (from its answer or from a webhook). Recording it again, or after the
 * payment moved on, changes nothing.
 */
public record RecordPaymentAuthorizationCommand(
        @TargetAggregateIdentifier PaymentId paymentId,
        String providerReference,
        Money amount) {
}
