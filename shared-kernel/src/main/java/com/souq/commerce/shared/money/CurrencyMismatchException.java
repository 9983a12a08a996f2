package com.souq.commerce.shared.money;

import java.util.Currency;

/** Two amounts of different currencies met in one calculation: a programming or input error, never converted. */
public class CurrencyMismatchException extends IllegalArgumentException {

    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("Amounts in " + expected.getCurrencyCode() + " and " + actual.getCurrencyCode() + " cannot be combined");
    }
}
