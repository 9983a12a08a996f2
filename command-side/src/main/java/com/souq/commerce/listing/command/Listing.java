package com.souq.commerce.listing.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.souq.commerce.listing.api.AdjustListingStockCommand;
import com.souq.commerce.listing.api.ChangeListingPriceCommand;
import com.souq.commerce.listing.api.CommitStockReservationCommand;
import com.souq.commerce.listing.api.CreateListingCommand;
import com.souq.commerce.listing.api.DeleteListingCommand;
import com.souq.commerce.listing.api.EditListingCommand;
import com.souq.commerce.listing.api.ListingCreatedEvent;
import com.souq.commerce.listing.api.ListingDeletedEvent;
import com.souq.commerce.listing.api.ListingEditedEvent;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.api.ListingPriceChangedEvent;
import com.souq.commerce.listing.api.ListingPublishedEvent;
import com.souq.commerce.listing.api.ListingRestockedForRefundEvent;
import com.souq.commerce.listing.api.ListingSoldEvent;
import com.souq.commerce.listing.api.ListingStatus;
import com.souq.commerce.listing.api.ListingStockAdjustedEvent;
import com.souq.commerce.listing.api.ListingUnpublishedEvent;
import com.souq.commerce.listing.api.LocalizedText;
import com.souq.commerce.listing.api.MarkListingSoldCommand;
import com.souq.commerce.listing.api.PublishListingCommand;
import com.souq.commerce.listing.api.ReleaseStockReservationCommand;
import com.souq.commerce.listing.api.ReserveStockCommand;
import com.souq.commerce.listing.api.RestockListingForRefundCommand;
import com.souq.commerce.listing.api.StockReservationCommittedEvent;
import com.souq.commerce.listing.api.StockReservationRejectedEvent;
import com.souq.commerce.listing.api.StockReservationReleasedEvent;
import com.souq.commerce.listing.api.StockReservedEvent;
import com.souq.commerce.listing.api.UnpublishListingCommand;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.platform.axon.AggregateCaching;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.vendor.command.VendorStanding;
import com.souq.commerce.vendor.command.VendorStandings;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Something a vendor sells: a car, a part, any good, with its price and its stock.
 *
 * <p>Lifecycle: DRAFT → PUBLISHED ↔ UNPUBLISHED; any of these → SOLD or DELETED, which are final.
 * Invariants: only the listing's own vendor (or an administrator) changes it; prices are in the currency the vendor
 * sells in and never negative (zero while drafting); publishing needs an approved vendor, a title and a price; stock on hand never goes
 * below what orders have reserved, so available stock is never negative. Reservations are keyed by order: reserving,
 * releasing or committing twice for the same order changes nothing the second time; a reservation that cannot be
 * met is recorded as a rejection event for checkout to react to.
 *
 * <p>Restocking for a refund puts back only items that left the stock with a shipment (a committed reservation), at
 * most as many as that order took, once per refund: a reservation still held or released is stock that never left,
 * so counting it back would count it twice.
 */
@Aggregate(cache = AggregateCaching.CACHE)
class Listing {

    @AggregateIdentifier
    private ListingId listingId;
    private VendorId vendorId;
    private Currency currency;
    private ListingStatus status;
    private LocalizedText title;
    private Money price;
    private int quantityOnHand;
    private final Map<OrderId, Reservation> reservations = new HashMap<>();
    private final Set<RefundId> restockedRefunds = new HashSet<>();
    private final Map<OrderId, Integer> restockedByOrder = new HashMap<>();

    protected Listing() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    Listing(CreateListingCommand command, VendorStandings vendors) {
        VendorStanding vendor = vendors.of(command.vendorId());
        if (!vendor.mayDraftListings()) {
            throw DomainRuleViolation.illegalTransition("vendor", vendor.status(), "given listings");
        }
        requireSaleablePrice(command.price(), vendor.currency());
        requireStock(command.stock());
        apply(new ListingCreatedEvent(command.listingId(), command.vendorId(), command.category(), command.title(),
                command.description(), command.attributes(), command.price(), command.stock()));
    }

    @CommandHandler
    void handle(EditListingCommand command) {
        requireOwnVendor(command.actingVendorId());
        requireNotFinal("edited");
        apply(new ListingEditedEvent(listingId, vendorId, command.category(), command.title(), command.description(),
                command.attributes()));
    }

    @CommandHandler
    void handle(ChangeListingPriceCommand command) {
        requireOwnVendor(command.actingVendorId());
        requireNotFinal("repriced");
        requireSaleablePrice(command.price(), currency);
        if (command.price().equals(price)) {
            return;
        }
        apply(new ListingPriceChangedEvent(listingId, vendorId, price, command.price()));
    }

    @CommandHandler
    void handle(AdjustListingStockCommand command) {
        requireOwnVendor(command.actingVendorId());
        requireNotFinal("restocked");
        requireStock(command.quantityOnHand());
        if (command.quantityOnHand() < reserved()) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "STOCK_BELOW_RESERVATIONS",
                    "Orders hold " + reserved() + " items: stock on hand cannot be " + command.quantityOnHand());
        }
        if (command.quantityOnHand() == quantityOnHand) {
            return;
        }
        apply(new ListingStockAdjustedEvent(listingId, vendorId, quantityOnHand, command.quantityOnHand(),
                reserved()));
    }

    @CommandHandler
    void handle(PublishListingCommand command, VendorStandings vendors) {
        requireOwnVendor(command.actingVendorId());
        if (status == ListingStatus.PUBLISHED) {
            return;
        }
        requireNotFinal("published");
        if (!vendors.of(vendorId).maySell()) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "VENDOR_NOT_APPROVED",
                    "Only an approved vendor publishes listings");
        }
        if (title == null || title.isEmpty()) {
            throw DomainRuleViolation.unprocessable("TITLE_REQUIRED", "A listing needs a title to be published");
        }
        if (price.isZero()) {
            throw DomainRuleViolation.unprocessable("PRICE_REQUIRED", "A listing needs a price to be published");
        }
        apply(new ListingPublishedEvent(listingId, vendorId));
    }

    @CommandHandler
    void handle(UnpublishListingCommand command) {
        requireOwnVendor(command.actingVendorId());
        if (status == ListingStatus.UNPUBLISHED) {
            return;
        }
        if (status != ListingStatus.PUBLISHED) {
            throw DomainRuleViolation.illegalTransition("listing", status, "unpublished");
        }
        apply(new ListingUnpublishedEvent(listingId, vendorId));
    }

    @CommandHandler
    void handle(MarkListingSoldCommand command) {
        requireOwnVendor(command.actingVendorId());
        if (status == ListingStatus.SOLD) {
            return;
        }
        requireNotFinal("marked sold");
        apply(new ListingSoldEvent(listingId, vendorId));
    }

    @CommandHandler
    void handle(DeleteListingCommand command) {
        requireOwnVendor(command.actingVendorId());
        if (status == ListingStatus.DELETED) {
            return;
        }
        apply(new ListingDeletedEvent(listingId, vendorId));
    }

    @CommandHandler
    void handle(ReserveStockCommand command, VendorStandings vendors) {
        if (command.quantity() <= 0) {
            throw DomainRuleViolation.unprocessable("INVALID_QUANTITY", "A reservation is for at least one item");
        }
        if (reservations.containsKey(command.orderId())) {
            return;
        }
        String refusal = status != ListingStatus.PUBLISHED ? "NOT_PUBLISHED"
                : !vendors.of(vendorId).maySell() ? "VENDOR_NOT_APPROVED"
                : !stockCovers(command.quantity()) ? "INSUFFICIENT_STOCK"
                : null;
        if (refusal != null) {
            apply(new StockReservationRejectedEvent(listingId, vendorId, command.orderId(), command.quantity(),
                    available(), refusal));
            return;
        }
        apply(new StockReservedEvent(listingId, vendorId, command.orderId(), command.quantity(), price,
                available() - command.quantity()));
    }

    @CommandHandler
    void handle(ReleaseStockReservationCommand command) {
        Reservation reservation = reservations.get(command.orderId());
        if (reservation == null || !reservation.isHeld()) {
            return;
        }
        apply(new StockReservationReleasedEvent(listingId, vendorId, command.orderId(), reservation.quantity(),
                available() + reservation.quantity()));
    }

    @CommandHandler
    void handle(CommitStockReservationCommand command) {
        Reservation reservation = reservations.get(command.orderId());
        if (reservation != null && reservation.state() == Reservation.State.COMMITTED) {
            return;
        }
        if (reservation == null || !reservation.isHeld()) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "NO_RESERVATION",
                    "Order " + command.orderId() + " holds nothing on listing " + listingId);
        }
        apply(new StockReservationCommittedEvent(listingId, vendorId, command.orderId(), reservation.quantity(),
                quantityOnHand - reservation.quantity()));
    }

    /**
     * Refused (a domain error the refund process logs and skips) when the listing is sold or deleted, when the order
     * never shipped these items, or when it would get back more than it took.
     */
    @CommandHandler
    void handle(RestockListingForRefundCommand command) {
        if (command.quantity() <= 0) {
            throw DomainRuleViolation.unprocessable("INVALID_QUANTITY", "A restock is for at least one item");
        }
        if (restockedRefunds.contains(command.refundId())) {
            return;
        }
        requireNotFinal("restocked");
        Reservation reservation = reservations.get(command.orderId());
        if (reservation == null || reservation.state() != Reservation.State.COMMITTED) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "NOTHING_SHIPPED",
                    "Order " + command.orderId() + " took nothing out of the stock of listing " + listingId
                            + ": its items never left, there is nothing to restock");
        }
        int restockable = reservation.quantity() - restockedByOrder.getOrDefault(command.orderId(), 0);
        if (command.quantity() > restockable) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "RESTOCK_EXCEEDS_SOLD",
                    "Order " + command.orderId() + " has " + restockable + " items of listing " + listingId
                            + " left to restock, not " + command.quantity());
        }
        apply(new ListingRestockedForRefundEvent(listingId, vendorId, command.refundId(), command.orderId(),
                command.quantity(), quantityOnHand + command.quantity(), available() + command.quantity()));
    }

    ListingQuote quote() {
        return new ListingQuote(listingId, vendorId, status, price, available());
    }

    private boolean stockCovers(int quantity) {
        return available() >= quantity;
    }

    private int available() {
        return quantityOnHand - reserved();
    }

    private int reserved() {
        return reservations.values().stream().filter(Reservation::isHeld).mapToInt(Reservation::quantity).sum();
    }

    private void requireOwnVendor(VendorId actingVendorId) {
        if (actingVendorId != null && !actingVendorId.equals(vendorId)) {
            throw DomainRuleViolation.forbidden("NOT_YOUR_LISTING", "Listing " + listingId + " belongs to another vendor");
        }
    }

    private void requireNotFinal(String action) {
        if (status == ListingStatus.SOLD || status == ListingStatus.DELETED) {
            throw DomainRuleViolation.illegalTransition("listing", status, action);
        }
    }

    private static void requireSaleablePrice(Money price, Currency vendorCurrency) {
        if (price == null) {
            throw DomainRuleViolation.unprocessable("PRICE_REQUIRED", "A listing has a price, zero while drafting");
        }
        if (!price.currency().equals(vendorCurrency)) {
            throw DomainRuleViolation.unprocessable("CURRENCY_NOT_SOLD", "The vendor sells in "
                    + vendorCurrency.getCurrencyCode() + ", not " + price.currency().getCurrencyCode());
        }
        if (price.isNegative()) {
            throw DomainRuleViolation.unprocessable("NEGATIVE_PRICE", "A price is never negative");
        }
    }

    private static void requireStock(int quantity) {
        if (quantity < 0) {
            throw DomainRuleViolation.unprocessable("NEGATIVE_STOCK", "Stock is never negative");
        }
    }

    @EventSourcingHandler
    void on(ListingCreatedEvent event) {
        listingId = event.listingId();
        vendorId = event.vendorId();
        status = ListingStatus.DRAFT;
        title = event.title();
        price = event.price();
        currency = event.price().currency();
        quantityOnHand = event.stock();
    }

    @EventSourcingHandler
    void on(ListingEditedEvent event) {
        title = event.title();
    }

    @EventSourcingHandler
    void on(ListingPriceChangedEvent event) {
        price = event.price();
        currency = event.price().currency();
    }

    @EventSourcingHandler
    void on(ListingStockAdjustedEvent event) {
        quantityOnHand = event.quantityOnHand();
    }

    @EventSourcingHandler
    void on(ListingPublishedEvent event) {
        status = ListingStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(ListingUnpublishedEvent event) {
        status = ListingStatus.UNPUBLISHED;
    }

    @EventSourcingHandler
    void on(ListingSoldEvent event) {
        status = ListingStatus.SOLD;
    }

    @EventSourcingHandler
    void on(ListingDeletedEvent event) {
        status = ListingStatus.DELETED;
    }

    @EventSourcingHandler
    void on(StockReservedEvent event) {
        reservations.put(event.orderId(), new Reservation(event.quantity(), Reservation.State.HELD));
    }

    @EventSourcingHandler
    void on(StockReservationReleasedEvent event) {
        reservations.computeIfPresent(event.orderId(), (order, held) -> held.withState(Reservation.State.RELEASED));
    }

    @EventSourcingHandler
    void on(StockReservationCommittedEvent event) {
        reservations.computeIfPresent(event.orderId(), (order, held) -> held.withState(Reservation.State.COMMITTED));
        quantityOnHand = event.quantityOnHand();
    }

    @EventSourcingHandler
    void on(ListingRestockedForRefundEvent event) {
        restockedRefunds.add(event.refundId());
        restockedByOrder.merge(event.orderId(), event.quantity(), Integer::sum);
        quantityOnHand = event.quantityOnHand();
    }

    private record Reservation(int quantity, State state) {

        enum State { HELD, RELEASED, COMMITTED }

        boolean isHeld() {
            return state == State.HELD;
        }

        Reservation withState(State next) {
            return new Reservation(quantity, next);
        }
    }
}
