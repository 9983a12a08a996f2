package com.souq.commerce.order.api;

import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.privacy.PersonalData;

/** Where and to whom an order is delivered. Personal data: it never leaves the order's own events and views. */
public record ShippingAddress(@PersonalData String recipient, @PersonalData String phone,
                              @PersonalData String line1, @PersonalData String line2,
                              @PersonalData String city, @PersonalData String postalCode,
                              CountryCode country) {
}
