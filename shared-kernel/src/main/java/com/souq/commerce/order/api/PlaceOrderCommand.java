package com.souq.commerce.order.api;

import com.souq.commerce.cart.api.CartId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.shared.pricing.OrderTotals;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Turns a checked-out cart into an order; placing the same order id twice changes nothing. */
public record PlaceOrderCommand(
        @TargetAggregateIdentifier OrderId orderId,
        CartId cartId,
        String customerSubject,
        ShippingAddress address,
        List<OrderLine> lines,
        OrderTotals totals,
        PaymentInstruction payment) {
}
