package com.souq.commerce.shared.money;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of one currency in its minor units (piastres, halalas, cents), never a floating point number.
 * Arithmetic refuses to mix currencies; the only rounding happens in {@link #times(Rate)}, half-even, so that
 * rounding errors do not drift in one direction over many postings.
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minorUnits, String currencyCode) {
        return new Money(minorUnits, Currencies.of(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(minorUnits, sameCurrency(other).minorUnits), currency);
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(minorUnits, sameCurrency(other).minorUnits), currency);
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minorUnits, quantity), currency);
    }

    /** The share of this amount at the given rate, rounded half-even to a whole minor unit. */
    public Money times(Rate rate) {
        BigDecimal share = BigDecimal.valueOf(minorUnits)
                .multiply(BigDecimal.valueOf(rate.basisPoints()))
                .divide(BigDecimal.valueOf(Rate.BASIS_POINTS_IN_WHOLE), 0, RoundingMode.HALF_EVEN);
        return new Money(share.longValueExact(), currency);
    }

    public Money negated() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    @JsonIgnore
    public boolean isNegative() {
        return minorUnits < 0;
    }

    @JsonIgnore
    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(minorUnits, sameCurrency(other).minorUnits);
    }

    /** The amount in major units for display, e.g. {@code 1500.25 EGP}; never used for arithmetic. */
    @Override
    public String toString() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits()).toPlainString() + " "
                + currency.getCurrencyCode();
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
        return other;
    }
}
