package com.souq.commerce.payment.api;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.RefundDestination;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/**
 * {@code amount} of the payment is to go back to the customer for a vendor order, to {@code destination};
 * {@code refundedTotal} is what the payment has refunded or is refunding with this one, never above what was captured.
 */
@Revision("1")
public record PaymentRefundRequestedEvent(PaymentId paymentId, RefundId refundId, OrderId orderId,
                                          VendorOrderId vendorOrderId, String customerSubject,
                                          PaymentProvider provider, String providerReference, Money amount,
                                          Money refundedTotal, RefundDestination destination) {
}
