package com.souq.commerce.payment.api;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/** The engine decided to take the authorized money; the provider is asked to capture it. */
@Revision("1")
public record PaymentCaptureRequestedEvent(PaymentId paymentId, OrderId orderId, PaymentProvider provider,
                                           String providerReference, Money amount) {
}
