package com.souq.commerce.listing.api;

import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/** The price changed; the previous price is kept for the record. */
@Revision("1")
public record ListingPriceChangedEvent(
        ListingId listingId,
        VendorId vendorId,
        Money previousPrice,
        Money price) {
}
