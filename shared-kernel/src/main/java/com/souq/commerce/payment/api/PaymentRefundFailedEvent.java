package com.souq.commerce.payment.api;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/**
 * The provider would not pay the refund back ({@code reason}); the refund continues to the customer's wallet, so the
 * money owed never stays stuck.
 */
@Revision("1")
public record PaymentRefundFailedEvent(PaymentId paymentId, RefundId refundId, OrderId orderId,
                                       VendorOrderId vendorOrderId, String customerSubject, PaymentProvider provider,
                                       Money amount, String reason) {
}
