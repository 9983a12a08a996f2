package com.souq.commerce.cart.api;

import com.souq.commerce.listing.api.ListingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer puts {@code quantity} items of a listing in its cart; adding a listing already there adds to its line. */
public record AddToCartCommand(
        @TargetAggregateIdentifier CartId cartId,
        String customerSubject,
        ListingId listingId,
        int quantity) {
}
