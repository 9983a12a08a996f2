package com.souq.commerce.order.api;

import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/** The return window of a delivered vendor order passed: {@code refunded} is all it will ever refund. */
@Revision("1")
public record VendorOrderReturnsClosedEvent(VendorOrderId vendorOrderId, OrderId orderId, VendorId vendorId,
                                            Money refunded) {
}
