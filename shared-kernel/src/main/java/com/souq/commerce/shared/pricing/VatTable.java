package com.souq.commerce.shared.pricing;

import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Rate;
import java.util.Map;

/**
 * Value-added tax by the country goods are shipped to. The seed rates are Egypt 14 %, Saudi Arabia 15 % and
 * Sri Lanka 18 %; a marketplace configures its own. Shipping to a country without a rate is refused, never untaxed.
 */
public record VatTable(Map<CountryCode, Rate> rates) {

    public VatTable {
        rates = Map.copyOf(rates);
    }

    public static VatTable seed() {
        return new VatTable(Map.of(
                CountryCode.of("EG"), new Rate(1_400),
                CountryCode.of("SA"), new Rate(1_500),
                CountryCode.of("LK"), new Rate(1_800)));
    }

    public Rate rateFor(CountryCode country) {
        Rate rate = rates.get(country);
        if (rate == null) {
            throw new IllegalArgumentException("No VAT rate for shipping to " + country);
        }
        return rate;
    }
}
