package com.souq.commerce.engine.listing;

import com.souq.commerce.engine.support.AggregateHistory;
import com.souq.commerce.listing.api.Category;
import com.souq.commerce.listing.api.Condition;
import com.souq.commerce.listing.api.ListingAttributes;
import com.souq.commerce.listing.api.ListingCreatedEvent;
import com.souq.commerce.listing.api.ListingDeletedEvent;
import com.souq.commerce.listing.api.ListingEditedEvent;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.api.ListingPriceChangedEvent;
import com.souq.commerce.listing.api.ListingPublishedEvent;
import com.souq.commerce.listing.api.ListingSoldEvent;
import com.souq.commerce.listing.api.ListingStockAdjustedEvent;
import com.souq.commerce.listing.api.ListingUnpublishedEvent;
import com.souq.commerce.listing.api.LocalizedText;
import com.souq.commerce.listing.api.StockReservationCommittedEvent;
import com.souq.commerce.listing.api.StockReservationRejectedEvent;
import com.souq.commerce.listing.api.StockReservationReleasedEvent;
import com.souq.commerce.listing.api.StockReservedEvent;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.shared.money.Money;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * A listing's life as events in the real store, as the Listing aggregate would apply them; each step answers the
 * listing's new version. It keeps the stock figures the aggregate would put in its events.
 */
final class ListingHistory {

    static final Money PRICE = Money.of(150_000, "EGP");

    private final AggregateHistory events;
    private final VendorHistory vendor;
    final ListingId listingId;
    private Money price = PRICE;
    private int onHand;
    private int reserved;

    private ListingHistory(EventStore store, VendorHistory vendor) {
        this.listingId = ListingId.random();
        this.events = new AggregateHistory(store, "Listing", listingId.value());
        this.vendor = vendor;
    }

    /** A draft: Toyota brake pads in stock ten times, 1500.00 EGP each. */
    static ListingHistory draftBrakePads(EventStore store, VendorHistory vendor) {
        ListingHistory listing = new ListingHistory(store, vendor);
        listing.onHand = 10;
        listing.events.append(new ListingCreatedEvent(listing.listingId, vendor.vendorId, Category.SPARE_PARTS,
                LocalizedText.of(Map.of("en", "Toyota Corolla front brake pads",
                        "ar", "تيل فرامل أمامي تويوتا كورولا")),
                LocalizedText.of(Map.of("en", "Genuine pads, boxed")),
                new ListingAttributes("Toyota", "Corolla", 2019, null, Condition.NEW, List.of("04465-02220"),
                        "Cairo", Map.of("position", "front")),
                PRICE, listing.onHand));
        return listing;
    }

    static ListingHistory publishedBrakePads(EventStore store, VendorHistory vendor) {
        ListingHistory listing = draftBrakePads(store, vendor);
        listing.publish();
        return listing;
    }

    long publish() {
        return events.append(new ListingPublishedEvent(listingId, vendor.vendorId));
    }

    long unpublish() {
        return events.append(new ListingUnpublishedEvent(listingId, vendor.vendorId));
    }

    long markSold() {
        return events.append(new ListingSoldEvent(listingId, vendor.vendorId));
    }

    long delete() {
        return events.append(new ListingDeletedEvent(listingId, vendor.vendorId));
    }

    long changePrice(long minorUnits) {
        Money previous = price;
        price = Money.of(minorUnits, "EGP");
        return events.append(new ListingPriceChangedEvent(listingId, vendor.vendorId, previous, price));
    }

    long adjustStock(int quantityOnHand) {
        int previous = onHand;
        onHand = quantityOnHand;
        return events.append(new ListingStockAdjustedEvent(listingId, vendor.vendorId, previous, onHand, reserved));
    }

    long edit(Category category, LocalizedText title, ListingAttributes attributes) {
        return events.append(new ListingEditedEvent(listingId, vendor.vendorId, category, title,
                LocalizedText.of(Map.of("en", "Edited")), attributes));
    }

    long reserve(OrderId order, int quantity) {
        reserved += quantity;
        return events.append(new StockReservedEvent(listingId, vendor.vendorId, order, quantity, price,
                onHand - reserved));
    }

    long reject(OrderId order, int quantity) {
        return events.append(new StockReservationRejectedEvent(listingId, vendor.vendorId, order, quantity,
                onHand - reserved, "INSUFFICIENT_STOCK"));
    }

    long release(OrderId order, int quantity) {
        reserved -= quantity;
        return events.append(new StockReservationReleasedEvent(listingId, vendor.vendorId, order, quantity,
                onHand - reserved));
    }

    long commit(OrderId order, int quantity) {
        reserved -= quantity;
        onHand -= quantity;
        return events.append(new StockReservationCommittedEvent(listingId, vendor.vendorId, order, quantity, onHand));
    }

    long version() {
        return events.version();
    }

    String id() {
        return listingId.value();
    }
}
