package com.souq.commerce.order.query.api;

import com.souq.commerce.vendor.api.VendorId;

/** A vendor's refunds, newest first, optionally in one status; answers a page of {@link RefundView}. */
public record FindVendorRefundsQuery(VendorId vendorId, String status, int page, int size) {
}
