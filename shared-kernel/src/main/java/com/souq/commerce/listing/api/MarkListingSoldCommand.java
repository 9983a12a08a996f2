package com.souq.commerce.listing.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The vendor declares a listing sold (a car sold elsewhere): it leaves the storefront for good. */
public record MarkListingSoldCommand(
        @TargetAggregateIdentifier ListingId listingId,
        VendorId actingVendorId,
        @TargetAggregateVersion Long expectedVersion) {
}
