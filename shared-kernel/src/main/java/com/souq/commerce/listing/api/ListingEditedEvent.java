package com.souq.commerce.listing.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/** Category, texts and attributes were replaced. */
@Revision("1")
public record ListingEditedEvent(
        ListingId listingId,
        VendorId vendorId,
        Category category,
        LocalizedText title,
        LocalizedText description,
        ListingAttributes attributes) {
}
