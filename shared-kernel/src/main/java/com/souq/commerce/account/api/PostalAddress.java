package com.souq.commerce.account.api;

import com.souq.commerce.shared.geo.CountryCode;

/** One of an account's saved addresses. Personal data: every text here belongs to the account's person. */
public record PostalAddress(String label, String recipient, String phone, String line1, String line2, String city,
                            String postalCode, CountryCode country) {
}
