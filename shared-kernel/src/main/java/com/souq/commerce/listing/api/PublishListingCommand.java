package com.souq.commerce.listing.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The vendor puts a listing on the storefront; only an approved vendor may. */
public record PublishListingCommand(
        @TargetAggregateIdentifier ListingId listingId,
        VendorId actingVendorId,
        @TargetAggregateVersion Long expectedVersion) {
}
