package com.souq.commerce.listing.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The vendor deletes a listing; it can no longer be edited, published or reserved. */
public record DeleteListingCommand(
        @TargetAggregateIdentifier ListingId listingId,
        VendorId actingVendorId,
        @TargetAggregateVersion Long expectedVersion) {
}
