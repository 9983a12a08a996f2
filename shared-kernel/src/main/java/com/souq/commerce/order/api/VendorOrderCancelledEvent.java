package com.souq.commerce.order.api;

import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The vendor's share was cancelled before shipping; its lines go back to stock and {@code total} is owed back. */
@Revision("1")
public record VendorOrderCancelledEvent(VendorOrderId vendorOrderId, OrderId orderId, VendorId vendorId,
                                        CancellationParty party, String subject, String reason,
                                        List<OrderLine> lines, Money total) {
}
