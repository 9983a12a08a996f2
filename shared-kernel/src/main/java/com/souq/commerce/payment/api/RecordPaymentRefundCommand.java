package com.souq.commerce.payment.api;

import com.souq.commerce.order.api.RefundId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The refund reached its destination: the provider confirmed it under {@code providerReference}, or it is for the
 * customer's wallet. Recording it twice (answer and webhook) changes nothing.
 */
public record RecordPaymentRefundCommand(
        @TargetAggregateIdentifier PaymentId paymentId,
        RefundId refundId,
        String providerReference) {
}
