package com.souq.commerce.listing.command;

import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.api.ListingStatus;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;

/** What a cart may know of a listing right now: who sells it, whether it is on sale, at what price, how many. */
public record ListingQuote(ListingId listingId, VendorId vendorId, ListingStatus status, Money price, int available) {

    public boolean onSale() {
        return status == ListingStatus.PUBLISHED;
    }
}
