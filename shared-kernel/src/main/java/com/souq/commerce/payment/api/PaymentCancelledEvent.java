package com.souq.commerce.payment.api;

import com.souq.commerce.order.api.OrderId;
import org.axonframework.serialization.Revision;

/**
 * The engine gave up on the payment before capture; an authorization the provider holds is voided by the payment
 * process. No money moved.
 */
@Revision("1")
public record PaymentCancelledEvent(PaymentId paymentId, OrderId orderId, PaymentProvider provider,
                                    String providerReference, String reason) {
}
