package com.souq.commerce.shared.pricing;

import com.souq.commerce.shared.money.Money;

/** One line to price: who sells it, how many, at which unit price (net of VAT). */
public record PriceLine(String lineId, String vendorId, int quantity, Money unitPrice) {

    public PriceLine {
        if (quantity <= 0) {
            throw new IllegalArgumentException("A line has at least one item");
        }
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("A unit price is never negative");
        }
    }
}
