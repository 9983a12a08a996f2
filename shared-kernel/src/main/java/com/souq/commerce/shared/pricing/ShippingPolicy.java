package com.souq.commerce.shared.pricing;

import com.souq.commerce.shared.money.Money;
import java.util.Objects;

/**
 * What a vendor charges to ship one order: a flat fee per order, waived when the vendor's share of the order
 * reaches {@code freeFrom} (null: never free).
 */
public record ShippingPolicy(Money flatFee, Money freeFrom) {

    public ShippingPolicy {
        Objects.requireNonNull(flatFee, "flatFee");
        if (flatFee.isNegative()) {
            throw new IllegalArgumentException("A shipping fee is never negative");
        }
        if (freeFrom != null && !freeFrom.currency().equals(flatFee.currency())) {
            throw new IllegalArgumentException("The free-shipping threshold is in the fee's currency");
        }
    }

    public static ShippingPolicy free(java.util.Currency currency) {
        return new ShippingPolicy(Money.zero(currency), null);
    }

    public Money feeFor(Money subtotal) {
        if (freeFrom != null && subtotal.compareTo(freeFrom) >= 0) {
            return Money.zero(flatFee.currency());
        }
        return flatFee;
    }
}
