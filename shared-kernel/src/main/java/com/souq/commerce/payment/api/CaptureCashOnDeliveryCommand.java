package com.souq.commerce.payment.api;

import com.souq.commerce.shared.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Every vendor order of a cash-on-delivery order ended: the couriers collected {@code collected} (the totals of the
 * delivered shares). Captures that amount of the promise made at checkout; zero cancels the payment (nothing was
 * delivered, no money moved). Changes nothing when the payment is not an authorized cash-on-delivery payment.
 */
public record CaptureCashOnDeliveryCommand(@TargetAggregateIdentifier PaymentId paymentId, Money collected) {
}
