package com.souq.commerce.order.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Every vendor order reached its end and at least one was delivered. */
@Revision("1")
public record OrderCompletedEvent(OrderId orderId, String customerSubject, List<VendorOrderId> delivered,
                                  List<VendorOrderId> cancelled) {
}
