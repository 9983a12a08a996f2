package com.souq.commerce.payment.api;

import com.souq.commerce.order.api.RefundId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider refused the refund or could not be reached in time: the money is still owed to the customer and goes
 * to their wallet instead. Ignored once the refund is settled.
 */
public record RecordPaymentRefundFailureCommand(
        @TargetAggregateIdentifier PaymentId paymentId,
        RefundId refundId,
        String reason) {
}
