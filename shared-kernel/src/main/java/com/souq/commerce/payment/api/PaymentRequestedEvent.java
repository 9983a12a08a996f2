package com.souq.commerce.payment.api;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/** A payment of {@code amount} for an order was initiated with the shopper's chosen provider and method. */
@Revision("1")
public record PaymentRequestedEvent(PaymentId paymentId, OrderId orderId, String customerSubject, Money amount,
                                    PaymentInstruction instruction) {
}
