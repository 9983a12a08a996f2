package com.souq.commerce.cart.api;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.ShippingAddress;
import com.souq.commerce.payment.api.PaymentInstruction;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The customer checks out: the cart is frozen into the order {@code orderId}, shipped to {@code address}. Answered
 * with a {@link CheckoutOutcome}: placed, or refused because prices changed (the cart then holds the new prices).
 */
public record CheckOutCartCommand(
        @TargetAggregateIdentifier CartId cartId,
        OrderId orderId,
        String customerSubject,
        ShippingAddress address,
        PaymentInstruction payment) {
}
