package com.souq.commerce.listing.command;

import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.platform.axon.ReadOnlyAggregates;
import com.souq.commerce.shared.error.DomainRuleViolation;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/** Reads a listing's current quote from its own event stream, inside the unit of work of the command that asks, without
 * locking it (see {@link ReadOnlyAggregates}). */
@Component
public class ListingQuotes {

    private final Configuration axon;
    private volatile ReadOnlyAggregates<Listing> listings;

    ListingQuotes(Configuration axon) {
        this.axon = axon;
    }

    private ReadOnlyAggregates<Listing> listings() {
        if (listings == null) {
            listings = ReadOnlyAggregates.of(Listing.class, axon);
        }
        return listings;
    }

    public ListingQuote of(ListingId listingId) {
        try {
            return listings().read(listingId.value(), Listing::quote);
        } catch (AggregateNotFoundException unknown) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.NOT_FOUND, "NOT_FOUND",
                    "No listing with id " + listingId);
        }
    }
}
