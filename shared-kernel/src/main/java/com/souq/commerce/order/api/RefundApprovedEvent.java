package com.souq.commerce.order.api;

import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.privacy.DataSubject;
import com.souq.commerce.shared.privacy.PersonalData;
import com.souq.commerce.vendor.api.VendorId;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * {@code amount} of a vendor order is to be paid back to its customer. {@code shareTotal} is what was captured for the
 * vendor order and {@code approvedTotal} what all its approved refunds come to with this one (never above
 * {@code shareTotal}). {@code automatic} refunds follow a rejection or cancellation of the share (then
 * {@code approvedBy} is null); the others were requested and approved by {@code approvedBy}.
 */
@Revision("1")
public record RefundApprovedEvent(RefundId refundId, VendorOrderId vendorOrderId, OrderId orderId,
                                  VendorId vendorId, @DataSubject String customerSubject, PaymentId paymentId,
                                  Money amount,
                                  Money shareTotal, Money approvedTotal, List<RefundLine> lines,
                                  RefundDestination destination, boolean restock, boolean automatic,
                                  String approvedBy, @PersonalData String reason) {
}
