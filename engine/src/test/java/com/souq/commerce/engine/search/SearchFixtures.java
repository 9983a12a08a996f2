package com.souq.commerce.engine.search;

import com.souq.commerce.listing.api.Category;
import com.souq.commerce.listing.api.Condition;
import com.souq.commerce.listing.api.ListingAttributes;
import com.souq.commerce.listing.api.ListingCreatedEvent;
import com.souq.commerce.listing.api.ListingDeletedEvent;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.api.ListingPriceChangedEvent;
import com.souq.commerce.listing.api.ListingPublishedEvent;
import com.souq.commerce.listing.api.ListingSoldEvent;
import com.souq.commerce.listing.api.ListingUnpublishedEvent;
import com.souq.commerce.listing.api.LocalizedText;
import com.souq.commerce.listing.api.StockReservedEvent;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Currencies;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.money.Rate;
import com.souq.commerce.vendor.api.CommissionPlan;
import com.souq.commerce.vendor.api.VendorAppliedEvent;
import com.souq.commerce.vendor.api.VendorApprovedEvent;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.vendor.api.VendorReinstatedEvent;
import com.souq.commerce.vendor.api.VendorSuspendedEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Realistic listings of the marketplaces (Egyptian and Saudi cars, auto parts with OEM numbers, Sri Lankan goods),
 * appended to the real event store as the Listing and Vendor aggregates would: typed events with the aggregate's
 * identifier and consecutive sequence numbers, so that the search projections are fed exactly as in production.
 */
final class SearchFixtures {

    private final EventStore eventStore;
    private final Map<String, Long> nextSequence = new HashMap<>();
    private final Map<ListingId, VendorId> vendorOf = new HashMap<>();

    SearchFixtures(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    record Listing(Category category, LocalizedText title, LocalizedText description, ListingAttributes attributes,
                   Money price) {
    }

    VendorId approvedVendor(String name, String country, String currency) {
        VendorId vendorId = VendorId.random();
        vendor(vendorId, new VendorAppliedEvent(vendorId, "seller-" + vendorId, name, name + " LLC",
                CountryCode.of(country), Currencies.of(currency),
                "sales@" + vendorId + ".example", CommissionPlan.flat(Rate.ofBasisPoints(1000))));
        vendor(vendorId, new VendorApprovedEvent(vendorId));
        return vendorId;
    }

    void suspend(VendorId vendorId) {
        vendor(vendorId, new VendorSuspendedEvent(vendorId, "counterfeit parts reported"));
    }

    void reinstate(VendorId vendorId) {
        vendor(vendorId, new VendorReinstatedEvent(vendorId));
    }

    ListingId draft(VendorId vendorId, Listing listing) {
        ListingId listingId = ListingId.random();
        vendorOf.put(listingId, vendorId);
        listing(listingId, new ListingCreatedEvent(listingId, vendorId, listing.category(), listing.title(),
                listing.description(), listing.attributes(), listing.price(), 3));
        return listingId;
    }

    ListingId published(VendorId vendorId, Listing listing) {
        ListingId listingId = draft(vendorId, listing);
        publish(listingId);
        return listingId;
    }

    void publish(ListingId listingId) {
        listing(listingId, new ListingPublishedEvent(listingId, vendorOf.get(listingId)));
    }

    void unpublish(ListingId listingId) {
        listing(listingId, new ListingUnpublishedEvent(listingId, vendorOf.get(listingId)));
    }

    void sell(ListingId listingId) {
        listing(listingId, new ListingSoldEvent(listingId, vendorOf.get(listingId)));
    }

    void delete(ListingId listingId) {
        listing(listingId, new ListingDeletedEvent(listingId, vendorOf.get(listingId)));
    }

    void reprice(ListingId listingId, Money previous, Money price) {
        listing(listingId, new ListingPriceChangedEvent(listingId, vendorOf.get(listingId), previous, price));
    }

    void reserve(ListingId listingId, Money unitPrice, int available) {
        listing(listingId, new StockReservedEvent(listingId, vendorOf.get(listingId), OrderId.random(), 1, unitPrice,
                available));
    }

    static Listing camry(int year, long priceEgp, String city) {
        return new Listing(Category.CARS,
                text("Toyota Camry " + year + " automatic", "تويوتا كامري " + year + " أوتوماتيك"),
                text("Single owner, full service history, first licence.",
                        "مالك واحد، صيانة كاملة بالتوكيل، رخصة أولى."),
                car("Toyota", "Camry", year, 85_000, Condition.USED, city), Money.of(priceEgp * 100, "EGP"));
    }

    static Listing elantra(int year, long priceEgp, String city) {
        return new Listing(Category.CARS,
                text("Hyundai Elantra " + year + " like new", "هيونداي إلنترا " + year + " كالجديدة"),
                text("Low mileage, factory paint.", "عداد قليل، دهان المصنع."),
                car("Hyundai", "Elantra", year, 30_000, Condition.USED, city), Money.of(priceEgp * 100, "EGP"));
    }

    static Listing sunny(int year, long priceSar, String city) {
        return new Listing(Category.CARS,
                text("Nissan Sunny " + year + " new", "نيسان صني " + year + " جديدة"),
                text("Zero kilometres, agency warranty.", "زيرو، ضمان الوكالة."),
                car("Nissan", "Sunny", year, 0, Condition.NEW, city), Money.of(priceSar * 100, "SAR"));
    }

    static Listing brakePads(long priceEgp, String city) {
        return new Listing(Category.SPARE_PARTS,
                text("Front brake pads for Toyota Camry", "تيل فرامل أمامي تويوتا كامري"),
                text("Genuine Toyota part.", "قطعة أصلية من تويوتا."),
                new ListingAttributes("Toyota", "Camry", null, null, Condition.NEW, List.of("04465-33471"), city,
                        Map.of("position", "front")),
                Money.of(priceEgp * 100, "EGP"));
    }

    static Listing oilFilter(long priceLkr) {
        return new Listing(Category.SPARE_PARTS,
                text("Oil filter Toyota Corolla", "فلتر زيت تويوتا كورولا"),
                text("Fits 2008-2019 models.", "يناسب موديلات ٢٠٠٨-٢٠١٩."),
                new ListingAttributes("Toyota", "Corolla", null, null, Condition.NEW, List.of("90915-YZZE1"),
                        "Colombo", Map.of()),
                Money.of(priceLkr * 100, "LKR"));
    }

    /** Events a search projection failed on and parked: there must be none, or the index silently misses them. */
    static List<String> deadLetters(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT processinggroup || ': ' || causemessage FROM deadletterentry
                         WHERE processinggroup LIKE 'listing-search%'""")
                .query(String.class).list();
    }

    static LocalizedText text(String english, String arabic) {
        return LocalizedText.of(Map.of("en", english, "ar", arabic));
    }

    private static ListingAttributes car(String make, String model, int year, int mileage, Condition condition,
                                         String city) {
        return new ListingAttributes(make, model, year, mileage, condition, List.of(), city,
                Map.of("transmission", "automatic"));
    }

    private void vendor(VendorId vendorId, Object event) {
        append("Vendor", vendorId.value(), event);
    }

    private void listing(ListingId listingId, Object event) {
        append("Listing", listingId.value(), event);
    }

    private void append(String type, String aggregateId, Object event) {
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, event));
    }
}
