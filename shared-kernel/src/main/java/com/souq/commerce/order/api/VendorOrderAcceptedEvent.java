package com.souq.commerce.order.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/** The vendor took on its share. */
@Revision("1")
public record VendorOrderAcceptedEvent(VendorOrderId vendorOrderId, OrderId orderId, VendorId vendorId) {
}
