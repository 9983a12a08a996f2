package com.souq.commerce.cart.api;

import com.souq.commerce.listing.api.ListingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer takes a listing out of its cart. */
public record RemoveCartLineCommand(
        @TargetAggregateIdentifier CartId cartId,
        ListingId listingId) {
}
