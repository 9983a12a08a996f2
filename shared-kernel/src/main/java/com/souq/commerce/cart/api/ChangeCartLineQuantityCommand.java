package com.souq.commerce.cart.api;

import com.souq.commerce.listing.api.ListingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer sets the quantity of a line; zero removes it. */
public record ChangeCartLineQuantityCommand(
        @TargetAggregateIdentifier CartId cartId,
        ListingId listingId,
        int quantity) {
}
