package com.souq.commerce.payment.api;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.shared.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Checkout asks for the order's grand total to be authorized; requesting the same payment again changes nothing. */
public record RequestPaymentCommand(
        @TargetAggregateIdentifier PaymentId paymentId,
        OrderId orderId,
        String customerSubject,
        Money amount,
        PaymentInstruction instruction) {
}
