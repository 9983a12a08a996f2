package com.souq.commerce.listing.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The vendor takes a listing off the storefront without deleting it. */
public record UnpublishListingCommand(
        @TargetAggregateIdentifier ListingId listingId,
        VendorId actingVendorId,
        @TargetAggregateVersion Long expectedVersion) {
}
