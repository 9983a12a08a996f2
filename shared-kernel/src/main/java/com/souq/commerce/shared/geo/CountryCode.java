package com.souq.commerce.shared.geo;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country code such as {@code EG}, {@code SA} or {@code LK}; serialized as the bare code. */
public record CountryCode(String value) {

    private static final Set<String> ISO_COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public CountryCode {
        if (value == null || !ISO_COUNTRIES.contains(value)) {
            throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 country code: " + value);
        }
    }

    @JsonCreator
    public static CountryCode of(String value) {
        return new CountryCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
