package com.souq.commerce.payment.api;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/** The money was taken: {@code amount} sits with the provider for the marketplace. Happens once per payment. */
@Revision("1")
public record PaymentCapturedEvent(PaymentId paymentId, OrderId orderId, String customerSubject,
                                   PaymentProvider provider, String providerReference, Money amount) {
}
