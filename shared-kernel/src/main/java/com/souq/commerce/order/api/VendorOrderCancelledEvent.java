package com.souq.commerce.order.api;

import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.privacy.DataSubject;
import com.souq.commerce.shared.privacy.PersonalData;
import com.souq.commerce.vendor.api.VendorId;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The vendor's share was cancelled before shipping; its lines go back to stock and {@code total} is owed back. The
 * reason may be the customer's own words: it is their personal data. Revision 2 added {@code customerSubject} (null
 * in revision 1 events, whose reason is then not sealed).
 */
@Revision("2")
public record VendorOrderCancelledEvent(VendorOrderId vendorOrderId, OrderId orderId, VendorId vendorId,
                                        CancellationParty party, String subject, @PersonalData String reason,
                                        List<OrderLine> lines, Money total, @DataSubject String customerSubject) {
}
