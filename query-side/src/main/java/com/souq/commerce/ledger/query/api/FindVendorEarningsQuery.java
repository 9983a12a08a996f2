package com.souq.commerce.ledger.query.api;

import com.souq.commerce.vendor.api.VendorId;

/** A vendor's earnings per currency, from its ledger accounts. */
public record FindVendorEarningsQuery(VendorId vendorId) {
}
