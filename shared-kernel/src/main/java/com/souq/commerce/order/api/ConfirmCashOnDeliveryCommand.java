package com.souq.commerce.order.api;

import com.souq.commerce.payment.api.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The order accepted a cash-on-delivery payment: it goes to its vendors now and is paid when delivered. Confirming
 * again changes nothing.
 */
public record ConfirmCashOnDeliveryCommand(@TargetAggregateIdentifier OrderId orderId, PaymentId paymentId) {
}
