package com.souq.commerce.account.api;

import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.privacy.PersonalData;

/** One of an account's saved addresses. Personal data: every text here belongs to the account's person. */
public record PostalAddress(@PersonalData String label, @PersonalData String recipient,
                            @PersonalData String phone, @PersonalData String line1,
                            @PersonalData String line2, @PersonalData String city,
                            @PersonalData String postalCode, CountryCode country) {
}
