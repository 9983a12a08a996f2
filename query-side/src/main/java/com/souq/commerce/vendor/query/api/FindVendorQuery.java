package com.souq.commerce.vendor.query.api;

import com.souq.commerce.vendor.api.VendorId;

/** One vendor as the directory shows it; answered with an empty Optional when it is unknown. */
public record FindVendorQuery(VendorId vendorId) {
}
