package com.souq.commerce.order.api;

import org.axonframework.serialization.Revision;

/** Every item of the order is held for it. */
@Revision("1")
public record OrderStockReservedEvent(OrderId orderId, String customerSubject) {
}
