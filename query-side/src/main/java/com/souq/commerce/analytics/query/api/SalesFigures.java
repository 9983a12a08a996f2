package com.souq.commerce.analytics.query.api;

import com.souq.commerce.shared.money.Money;
import java.time.LocalDate;

/**
 * Sales of one group (the dimensions not grouped by are null): vendor orders, items, GMV (goods net of VAT and
 * shipping), commission charged, VAT on the goods, and money owed back to customers (reversals and refunds) in the
 * period. {@code period} is the first day of the day, week (Monday) or month grouped by.
 */
public record SalesFigures(LocalDate period, String vendorId, String category, String currency, long orders,
                           long items, Money gmv, Money commission, Money tax, Money refunds) {
}
