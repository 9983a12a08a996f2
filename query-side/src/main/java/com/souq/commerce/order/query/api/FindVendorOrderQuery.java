package com.souq.commerce.order.query.api;

import com.souq.commerce.order.api.VendorOrderId;

/** One vendor order with its lines; answered with an empty Optional when it is unknown. */
public record FindVendorOrderQuery(VendorOrderId vendorOrderId) {
}
