package com.souq.commerce.payment.api;

import com.souq.commerce.order.api.OrderId;
import org.axonframework.serialization.Revision;

/** The provider declined the payment or the shopper's extra step failed; no money moved. */
@Revision("1")
public record PaymentFailedEvent(PaymentId paymentId, OrderId orderId, PaymentProvider provider,
                                 String providerReference, String reason) {
}
