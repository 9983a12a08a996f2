package com.souq.commerce.order.api;

import com.souq.commerce.payment.api.PaymentId;
import org.axonframework.serialization.Revision;

/** The order committed to its authorized payment: capture follows, cancellation waits until the order is paid. */
@Revision("1")
public record OrderPaymentAcceptedEvent(OrderId orderId, String customerSubject, PaymentId paymentId) {
}
