package com.souq.commerce.shared.money;

import java.util.Currency;
import java.util.regex.Pattern;

/** Parses ISO 4217 codes strictly: upper case, three letters, known to the JDK. */
public final class Currencies {

    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

    private Currencies() {
    }

    public static Currency of(String code) {
        if (code == null || !ISO_4217.matcher(code).matches()) {
            throw new IllegalArgumentException("Not an ISO 4217 currency code: " + code);
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("Unknown ISO 4217 currency code: " + code);
        }
    }
}
