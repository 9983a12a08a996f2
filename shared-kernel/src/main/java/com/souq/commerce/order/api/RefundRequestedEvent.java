package com.souq.commerce.order.api;

import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.privacy.DataSubject;
import com.souq.commerce.shared.privacy.PersonalData;
import com.souq.commerce.vendor.api.VendorId;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A customer (or staff for them, {@code subject}) asked for {@code amount} back on a vendor order; {@code lines} are
 * the items refunded (empty for an amount). Nothing moves until the vendor or an administrator approves it.
 */
@Revision("1")
public record RefundRequestedEvent(RefundId refundId, VendorOrderId vendorOrderId, OrderId orderId,
                                   VendorId vendorId, @DataSubject String customerSubject, String subject, Money amount,
                                   List<RefundLine> lines, RefundDestination destination, boolean restock,
                                   @PersonalData String reason) {
}
