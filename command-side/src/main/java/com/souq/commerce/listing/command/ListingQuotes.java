package com.souq.commerce.listing.command;

import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.shared.error.DomainRuleViolation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Reads a listing's current quote from its own event stream, inside the unit of work of the command that asks. */
@Component
public class ListingQuotes {

    private final Repository<Listing> listings;

    ListingQuotes(Repository<Listing> listings) {
        this.listings = listings;
    }

    public ListingQuote of(ListingId listingId) {
        try {
            return listings.load(listingId.value()).invoke(Listing::quote);
        } catch (AggregateNotFoundException unknown) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.NOT_FOUND, "NOT_FOUND",
                    "No listing with id " + listingId);
        }
    }
}
