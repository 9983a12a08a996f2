package com.souq.commerce.payment.api;

import com.souq.commerce.shared.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider confirms the money was taken. Recording it twice (answer and webhook) changes nothing. */
public record RecordPaymentCaptureCommand(
        @TargetAggregateIdentifier PaymentId paymentId,
        String providerReference,
        Money amount) {
}
