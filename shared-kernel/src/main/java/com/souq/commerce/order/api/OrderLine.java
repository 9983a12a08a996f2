package com.souq.commerce.order.api;

import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;

/** One line of an order as checked out: the listing, who sells it, how many, at which unit price (net of VAT). */
public record OrderLine(ListingId listingId, VendorId vendorId, int quantity, Money unitPrice) {
}
