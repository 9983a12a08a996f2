package com.souq.commerce.order.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancel an order. Before payment the order is cancelled at once and checkout gives its stock back; once paid it asks
 * every vendor order not yet shipped to cancel. A customer may cancel only their own order; {@code subject} is who
 * asked.
 */
public record CancelOrderCommand(
        @TargetAggregateIdentifier OrderId orderId,
        CancellationParty party,
        String subject,
        String reason) {
}
