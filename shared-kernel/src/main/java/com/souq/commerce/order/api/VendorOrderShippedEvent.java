package com.souq.commerce.order.api;

import com.souq.commerce.vendor.api.VendorId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The vendor's share is with {@code carrier} under {@code trackingReference}; its items left the stock. */
@Revision("1")
public record VendorOrderShippedEvent(VendorOrderId vendorOrderId, OrderId orderId, VendorId vendorId,
                                      String carrier, String trackingReference, List<OrderLine> lines) {
}
