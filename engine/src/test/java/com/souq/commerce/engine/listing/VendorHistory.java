package com.souq.commerce.engine.listing;

import com.souq.commerce.engine.support.AggregateHistory;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Currencies;
import com.souq.commerce.shared.money.Rate;
import com.souq.commerce.vendor.api.CommissionPlan;
import com.souq.commerce.vendor.api.KycDocumentSubmittedEvent;
import com.souq.commerce.vendor.api.KycDocumentType;
import com.souq.commerce.vendor.api.VendorAppliedEvent;
import com.souq.commerce.vendor.api.VendorApprovedEvent;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.vendor.api.VendorReinstatedEvent;
import com.souq.commerce.vendor.api.VendorSuspendedEvent;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** A vendor's onboarding as events in the real store, for the catalog to hear of. */
final class VendorHistory {

    private final AggregateHistory events;
    final VendorId vendorId;

    private VendorHistory(EventStore store) {
        this.vendorId = VendorId.random();
        this.events = new AggregateHistory(store, "Vendor", vendorId.value());
    }

    static VendorHistory applied(EventStore store) {
        VendorHistory vendor = new VendorHistory(store);
        vendor.events.append(new VendorAppliedEvent(vendor.vendorId, "seller-" + vendor.vendorId, "Giza Spares",
                "Giza Spares LLC", CountryCode.of("EG"), Currencies.of("EGP"), "sales@giza-spares.example",
                CommissionPlan.flat(Rate.ofBasisPoints(1000))));
        vendor.events.append(new KycDocumentSubmittedEvent(vendor.vendorId, KycDocumentType.COMMERCIAL_REGISTRATION,
                "cr/" + vendor.vendorId));
        return vendor;
    }

    static VendorHistory approved(EventStore store) {
        VendorHistory vendor = applied(store);
        vendor.approve();
        return vendor;
    }

    void approve() {
        events.append(new VendorApprovedEvent(vendorId));
    }

    void suspend() {
        events.append(new VendorSuspendedEvent(vendorId, "counterfeit parts reported"));
    }

    void reinstate() {
        events.append(new VendorReinstatedEvent(vendorId));
    }

    String id() {
        return vendorId.value();
    }
}
