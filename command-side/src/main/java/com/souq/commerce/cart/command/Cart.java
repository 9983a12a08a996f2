package com.souq.commerce.cart.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.souq.commerce.cart.api.AddToCartCommand;
import com.souq.commerce.cart.api.CartId;
import com.souq.commerce.cart.api.CartLineAddedEvent;
import com.souq.commerce.cart.api.CartLineQuantityChangedEvent;
import com.souq.commerce.cart.api.CartLineRemovedEvent;
import com.souq.commerce.cart.api.ChangeCartLineQuantityCommand;
import com.souq.commerce.cart.api.RemoveCartLineCommand;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.command.ListingQuote;
import com.souq.commerce.listing.command.ListingQuotes;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer's one open cart: lines of listings from any vendors, each keeping its vendor, quantity and the unit
 * price the customer saw when adding it.
 *
 * <p>Invariants: a cart holds one currency; only listings on sale enter it; a line never asks for more items than
 * the listing has available at the time; a line has at least one item (setting zero removes it). Removing what is
 * not there, or setting the quantity a line already has, changes nothing.
 */
@Aggregate
class Cart {

    @AggregateIdentifier
    private CartId cartId;
    private final Map<ListingId, Line> lines = new LinkedHashMap<>();

    protected Cart() {
        // required by Axon to rebuild the aggregate from its events, and to create it on the first line
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AddToCartCommand command, ListingQuotes listings) {
        requirePositive(command.quantity());
        ListingQuote quote = listings.of(command.listingId());
        requireOnSale(quote);
        requireCurrencyOf(quote.price());
        Line existing = lines.get(command.listingId());
        int quantity = existing == null ? command.quantity() : existing.quantity() + command.quantity();
        requireStockCovers(quote, quantity);
        if (existing == null) {
            apply(new CartLineAddedEvent(command.cartId(), command.customerSubject(), command.listingId(),
                    quote.vendorId(), quantity, quote.price()));
        } else {
            apply(new CartLineQuantityChangedEvent(cartId, command.listingId(), existing.vendorId(),
                    existing.quantity(), quantity, existing.unitPrice()));
        }
    }

    @CommandHandler
    void handle(ChangeCartLineQuantityCommand command, ListingQuotes listings) {
        Line line = lines.get(command.listingId());
        if (line == null) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.NOT_FOUND, "NOT_IN_CART",
                    "Listing " + command.listingId() + " is not in the cart");
        }
        if (command.quantity() < 0) {
            throw DomainRuleViolation.unprocessable("INVALID_QUANTITY", "A quantity is never negative");
        }
        if (command.quantity() == line.quantity()) {
            return;
        }
        if (command.quantity() == 0) {
            apply(new CartLineRemovedEvent(cartId, command.listingId(), line.vendorId()));
            return;
        }
        if (command.quantity() > line.quantity()) {
            requireStockCovers(listings.of(command.listingId()), command.quantity());
        }
        apply(new CartLineQuantityChangedEvent(cartId, command.listingId(), line.vendorId(), line.quantity(),
                command.quantity(), line.unitPrice()));
    }

    @CommandHandler
    void handle(RemoveCartLineCommand command) {
        Line line = lines.get(command.listingId());
        if (line == null) {
            return;
        }
        apply(new CartLineRemovedEvent(cartId, command.listingId(), line.vendorId()));
    }

    private static void requirePositive(int quantity) {
        if (quantity <= 0) {
            throw DomainRuleViolation.unprocessable("INVALID_QUANTITY", "Add at least one item");
        }
    }

    private static void requireOnSale(ListingQuote quote) {
        if (!quote.onSale()) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "LISTING_NOT_ON_SALE",
                    "Listing " + quote.listingId() + " is not on sale");
        }
    }

    private void requireCurrencyOf(Money price) {
        Currency cartCurrency = currency();
        if (cartCurrency != null && !cartCurrency.equals(price.currency())) {
            throw DomainRuleViolation.unprocessable("CURRENCY_MISMATCH", "This cart is in "
                    + cartCurrency.getCurrencyCode() + "; the listing is priced in "
                    + price.currency().getCurrencyCode());
        }
    }

    private static void requireStockCovers(ListingQuote quote, int quantity) {
        if (quantity > quote.available()) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "QUANTITY_ABOVE_STOCK",
                    "Only " + quote.available() + " of listing " + quote.listingId() + " are available");
        }
    }

    /** The cart's currency is that of its lines; an empty cart takes the currency of its next line. */
    private Currency currency() {
        return lines.values().stream().findFirst().map(line -> line.unitPrice().currency()).orElse(null);
    }

    @EventSourcingHandler
    void on(CartLineAddedEvent event) {
        cartId = event.cartId();
        lines.put(event.listingId(), new Line(event.vendorId(), event.quantity(), event.unitPrice()));
    }

    @EventSourcingHandler
    void on(CartLineQuantityChangedEvent event) {
        lines.computeIfPresent(event.listingId(), (listing, line) -> line.withQuantity(event.quantity()));
    }

    @EventSourcingHandler
    void on(CartLineRemovedEvent event) {
        lines.remove(event.listingId());
    }

    private record Line(VendorId vendorId, int quantity, Money unitPrice) {

        Line withQuantity(int next) {
            return new Line(vendorId, next, unitPrice);
        }
    }
}
