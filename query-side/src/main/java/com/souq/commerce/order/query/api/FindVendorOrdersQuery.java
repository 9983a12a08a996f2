package com.souq.commerce.order.query.api;

import com.souq.commerce.order.api.VendorOrderStatus;
import com.souq.commerce.vendor.api.VendorId;

/** A page of one vendor's vendor orders, newest first, optionally only those in one status ({@code null}: all). */
public record FindVendorOrdersQuery(VendorId vendorId, VendorOrderStatus status, int page, int size) {
}
