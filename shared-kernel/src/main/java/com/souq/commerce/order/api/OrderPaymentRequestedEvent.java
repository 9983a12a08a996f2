package com.souq.commerce.order.api;

import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/** The order waits for payment {@code paymentId} of its grand total, by the shopper's chosen method. */
@Revision("1")
public record OrderPaymentRequestedEvent(OrderId orderId, String customerSubject, PaymentId paymentId, Money amount,
                                         PaymentInstruction instruction) {
}
