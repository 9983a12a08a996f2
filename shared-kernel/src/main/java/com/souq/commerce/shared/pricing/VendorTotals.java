package com.souq.commerce.shared.pricing;

import com.souq.commerce.shared.money.Money;
import java.util.List;

/**
 * One vendor's share of an order: its lines, their subtotal, its shipping fee, and VAT on both (the sum of the lines'
 * rounded VAT plus the rounded VAT of shipping). {@code total} = subtotal + shipping + vat.
 */
public record VendorTotals(String vendorId, List<PricedLine> lines, Money subtotal, Money shipping, Money shippingVat,
                           Money vat, Money total) {
}
