package com.souq.commerce.shared.pricing;

import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.money.Rate;
import java.util.List;

/** The priced order: per-vendor totals and the sums a shopper pays, all in one currency. */
public record OrderTotals(CountryCode shipTo, Rate vatRate, List<VendorTotals> vendors, Money subtotal,
                          Money shipping, Money vat, Money grandTotal) {
}
