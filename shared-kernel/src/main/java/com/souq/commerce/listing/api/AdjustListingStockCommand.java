package com.souq.commerce.listing.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The vendor counts its stock: the new quantity on hand, never below what orders have reserved. */
public record AdjustListingStockCommand(
        @TargetAggregateIdentifier ListingId listingId,
        VendorId actingVendorId,
        int quantityOnHand,
        @TargetAggregateVersion Long expectedVersion) {
}
