package com.souq.commerce.cart.api;

import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.shared.money.Money;

/** A line whose listing's price moved since the customer added it. */
public record PriceChange(ListingId listingId, Money priceSeen, Money currentPrice) {
}
