package com.souq.commerce.order.api;

import com.souq.commerce.shared.geo.CountryCode;

/** Where and to whom an order is delivered. Personal data: it never leaves the order's own events and views. */
public record ShippingAddress(String recipient, String phone, String line1, String line2, String city,
                              String postalCode, CountryCode country) {
}
