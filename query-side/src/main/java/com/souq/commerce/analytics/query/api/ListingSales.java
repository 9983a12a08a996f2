package com.souq.commerce.analytics.query.api;

import com.souq.commerce.shared.money.Money;

/** One listing's sales in a period: vendor orders, units and GMV (net of VAT), with its title and category. */
public record ListingSales(int rank, String listingId, String vendorId, String title, String category,
                           String currency, long orders, long units, Money gmv) {
}
