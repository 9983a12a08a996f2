package com.souq.commerce.payment.api;

import com.souq.commerce.order.api.RefundDestination;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.shared.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Pay {@code amount} of a captured payment back, for one vendor order whose captured share is {@code shareTotal}.
 * Refused (409 {@code REFUND_EXCEEDS_CAPTURED}) when the refunds of that vendor order or of the whole payment would
 * exceed what was captured; the same refund again changes nothing.
 */
public record RefundPaymentCommand(
        @TargetAggregateIdentifier PaymentId paymentId,
        RefundId refundId,
        VendorOrderId vendorOrderId,
        Money amount,
        Money shareTotal,
        RefundDestination destination) {
}
