package com.souq.commerce.payment.api;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.RefundDestination;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/**
 * {@code amount} went back to the customer: through {@code provider} (its refund is {@code providerReference}) or
 * into their wallet ({@code destination}). Happens once per refund.
 */
@Revision("1")
public record PaymentRefundedEvent(PaymentId paymentId, RefundId refundId, OrderId orderId,
                                   VendorOrderId vendorOrderId, String customerSubject, PaymentProvider provider,
                                   RefundDestination destination, Money amount, String providerReference) {
}
