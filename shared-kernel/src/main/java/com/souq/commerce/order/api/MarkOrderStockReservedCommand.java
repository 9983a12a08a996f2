package com.souq.commerce.order.api;

import com.souq.commerce.payment.api.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Checkout holds every item of the order: the order records it and asks for payment {@code paymentId}. Changes
 * nothing when the order is past that point or cancelled.
 */
public record MarkOrderStockReservedCommand(
        @TargetAggregateIdentifier OrderId orderId,
        PaymentId paymentId) {
}
