package com.souq.commerce.shared.pricing;

import com.souq.commerce.shared.money.Money;

/** A line with its total (unit price × quantity, exact) and its VAT (rounded half-even on the line). */
public record PricedLine(String lineId, String vendorId, int quantity, Money unitPrice, Money total, Money vat) {
}
