package com.souq.commerce.listing.api;

import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The vendor sets a new price, in the currency it sells in. */
public record ChangeListingPriceCommand(
        @TargetAggregateIdentifier ListingId listingId,
        VendorId actingVendorId,
        Money price,
        @TargetAggregateVersion Long expectedVersion) {
}
