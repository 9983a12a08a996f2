package com.souq.commerce.listing.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The vendor replaces category, texts and attributes of a listing that is not deleted or sold. */
public record EditListingCommand(
        @TargetAggregateIdentifier ListingId listingId,
        VendorId actingVendorId,
        Category category,
        LocalizedText title,
        LocalizedText description,
        ListingAttributes attributes,
        @TargetAggregateVersion Long expectedVersion) {
}
