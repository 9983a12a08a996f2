package com.souq.commerce.order.api;

import org.axonframework.serialization.Revision;

/** A paid order is to be cancelled: every vendor order not yet shipped is asked to cancel. */
@Revision("1")
public record OrderCancellationRequestedEvent(OrderId orderId, String customerSubject, CancellationParty party,
                                              String subject, String reason) {
}
