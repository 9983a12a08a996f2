package com.souq.commerce.order.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The checkout deadline passed: cancel the order if it never got as far as asking for its payment. Once the payment
 * was requested the order stays as it is: the payment side decides (a payment not yet being captured is cancelled,
 * which cancels the order; one being captured finishes and pays it).
 */
public record ExpireCheckoutCommand(@TargetAggregateIdentifier OrderId orderId, String reason) {
}
