package com.souq.commerce.order.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Every vendor order of a paid order reached its end: the order completes, or is cancelled when none was delivered.
 * Closing a closed order changes nothing.
 */
public record CloseOrderCommand(
        @TargetAggregateIdentifier OrderId orderId,
        List<VendorOrderId> delivered,
        List<VendorOrderId> cancelled) {
}
