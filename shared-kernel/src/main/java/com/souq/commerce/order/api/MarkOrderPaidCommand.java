package com.souq.commerce.order.api;

import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.shared.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The payment was captured: the order is paid. Marking it paid again changes nothing. */
public record MarkOrderPaidCommand(
        @TargetAggregateIdentifier OrderId orderId,
        PaymentId paymentId,
        Money amount) {
}
