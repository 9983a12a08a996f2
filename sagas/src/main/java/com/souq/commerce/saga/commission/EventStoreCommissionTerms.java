package com.souq.commerce.saga.commission;

import com.souq.commerce.listing.api.ListingCreatedEvent;
import com.souq.commerce.listing.api.ListingEditedEvent;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.vendor.api.CommissionPlan;
import com.souq.commerce.vendor.api.CommissionPlanChangedEvent;
import com.souq.commerce.vendor.api.VendorAppliedEvent;
import com.souq.commerce.vendor.api.VendorId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads commission terms from the event streams of the Vendor and its Listings, the command side's own truth: the
 * plan in force and the categories as they were at the given instant (events stamped later are ignored), so a
 * redelivered event or a replay computes the same commission even after the plan changed. No read model is involved,
 * so the answer never lags behind the order; no aggregate is loaded, so no lock is taken. Payloads other than the few
 * that matter are never deserialized.
 */
@Component
class EventStoreCommissionTerms implements CommissionTermsSource {

    private static final Logger log = LoggerFactory.getLogger(EventStoreCommissionTerms.class);

    private final EventStore events;

    EventStoreCommissionTerms(EventStore events) {
        this.events = events;
    }

    @Override
    public Optional<CommissionTerms> termsAsOf(VendorId vendorId, Collection<ListingId> listings, Instant asOf) {
        CountryCode country = null;
        CommissionPlan plan = null;
        DomainEventStream vendor = events.readEvents(vendorId.value(), 0L);
        while (vendor.hasNext()) {
            DomainEventMessage<?> event = vendor.next();
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            if (VendorAppliedEvent.class.equals(event.getPayloadType())) {
                VendorAppliedEvent applied = (VendorAppliedEvent) event.getPayload();
                country = applied.country();
                plan = applied.commissionPlan();
            } else if (CommissionPlanChangedEvent.class.equals(event.getPayloadType())) {
                plan = ((CommissionPlanChangedEvent) event.getPayload()).newPlan();
            }
        }
        if (plan == null) {
            log.warn("No commission plan of vendor {} as of {}", vendorId, asOf);
            return Optional.empty();
        }
        Map<ListingId, String> categories = new HashMap<>();
        for (ListingId listing : listings) {
            Optional<String> category = categoryAsOf(listing, asOf);
            if (category.isEmpty()) {
                log.warn("No category of listing {} as of {}", listing, asOf);
                return Optional.empty();
            }
            categories.put(listing, category.get());
        }
        return Optional.of(new CommissionTerms(vendorId, country, plan, categories, asOf));
    }

    private Optional<String> categoryAsOf(ListingId listingId, Instant asOf) {
        String category = null;
        DomainEventStream listing = events.readEvents(listingId.value(), 0L);
        while (listing.hasNext()) {
            DomainEventMessage<?> event = listing.next();
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            if (ListingCreatedEvent.class.equals(event.getPayloadType())) {
                category = ((ListingCreatedEvent) event.getPayload()).category().slug();
            } else if (ListingEditedEvent.class.equals(event.getPayloadType())) {
                category = ((ListingEditedEvent) event.getPayload()).category().slug();
            }
        }
        return Optional.ofNullable(category);
    }
}
