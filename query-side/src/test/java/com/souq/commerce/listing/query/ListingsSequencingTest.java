package com.souq.commerce.listing.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.api.ListingPublishedEvent;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.vendor.api.VendorSuspendedEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.junit.jupiter.api.Test;

class ListingsSequencingTest {

    private final SequencingPolicy<EventMessage<?>> policy = ListingsSequencing.byVendor();
    private final VendorId vendor = VendorId.random();

    @Test
    void listingEventsAndTheirVendorsStatusChangesShareOneSequence() {
        ListingId listing = ListingId.random();

        Object ofListing = policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>("Listing",
                listing.value(), 3, new ListingPublishedEvent(listing, vendor)));
        Object ofVendor = policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>("Vendor",
                vendor.value(), 7, new VendorSuspendedEvent(vendor, "fraud")));

        assertThat(ofListing).isEqualTo(ofVendor).isEqualTo(vendor.value());
    }

    @Test
    void listingsOfDifferentVendorsAreSequencedApart() {
        ListingId listing = ListingId.random();
        VendorId other = VendorId.random();

        assertThat(policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>("Listing", listing.value(), 1,
                new ListingPublishedEvent(listing, vendor))))
                .isNotEqualTo(policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>("Listing",
                        listing.value(), 1, new ListingPublishedEvent(listing, other))));
    }

    @Test
    void eventWithoutVendorIsSequencedByItsAggregate() {
        Object sequence = policy.getSequenceIdentifierFor(
                new GenericDomainEventMessage<>("Order", "order-42", 0, "placed"));

        assertThat(sequence).isEqualTo("order-42");
    }
}
