package com.souq.commerce.listing.api;

import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/** A vendor drafted a listing. */
@Revision("1")
public record ListingCreatedEvent(
        ListingId listingId,
        VendorId vendorId,
        Category category,
        LocalizedText title,
        LocalizedText description,
        ListingAttributes attributes,
        Money price,
        int stock) {
}
