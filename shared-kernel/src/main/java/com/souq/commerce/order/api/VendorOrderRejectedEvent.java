package com.souq.commerce.order.api;

import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The vendor declined its share; its lines go back to stock and {@code total} is owed back to the customer. */
@Revision("1")
public record VendorOrderRejectedEvent(VendorOrderId vendorOrderId, OrderId orderId, VendorId vendorId,
                                       String reason, List<OrderLine> lines, Money total) {
}
