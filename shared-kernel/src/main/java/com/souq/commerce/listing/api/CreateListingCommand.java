package com.souq.commerce.listing.api;

import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A vendor drafts a listing; it stays a draft until published. */
public record CreateListingCommand(
        @TargetAggregateIdentifier ListingId listingId,
        VendorId vendorId,
        Category category,
        LocalizedText title,
        LocalizedText description,
        ListingAttributes attributes,
        Money price,
        int stock) {
}
