package com.souq.commerce.payment.api;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/** The provider holds {@code amount} for the order; nothing is taken yet. */
@Revision("1")
public record PaymentAuthorizedEvent(PaymentId paymentId, OrderId orderId, PaymentProvider provider,
                                     String providerReference, Money amount) {
}
