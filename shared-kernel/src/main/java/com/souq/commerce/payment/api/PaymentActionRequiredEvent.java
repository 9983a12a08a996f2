package com.souq.commerce.payment.api;

import com.souq.commerce.order.api.OrderId;
import org.axonframework.serialization.Revision;

/** The shopper must complete an extra step at {@code nextActionUrl} before the provider authorizes. */
@Revision("1")
public record PaymentActionRequiredEvent(PaymentId paymentId, OrderId orderId, PaymentProvider provider,
                                         String providerReference, String nextActionUrl) {
}
