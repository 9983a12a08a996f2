package com.souq.commerce.ledger.query.api;

import java.util.List;

/** What a vendor earned, per currency it sold in (none before its first paid order). */
public record VendorEarnings(String vendorId, List<Earnings> earnings) {
}
