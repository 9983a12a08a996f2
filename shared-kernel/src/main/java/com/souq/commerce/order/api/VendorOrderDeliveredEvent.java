package com.souq.commerce.order.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/** The customer received the vendor's share. */
@Revision("1")
public record VendorOrderDeliveredEvent(VendorOrderId vendorOrderId, OrderId orderId, VendorId vendorId) {
}
