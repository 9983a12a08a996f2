package com.souq.commerce.cart.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.souq.commerce.cart.api.AddToCartCommand;
import com.souq.commerce.cart.api.CartId;
import com.souq.commerce.cart.api.CartCheckedOutEvent;
import com.souq.commerce.cart.api.CartLineAddedEvent;
import com.souq.commerce.cart.api.CartLineQuantityChangedEvent;
import com.souq.commerce.cart.api.CartLineRemovedEvent;
import com.souq.commerce.cart.api.CartPricesUpdatedEvent;
import com.souq.commerce.cart.api.ChangeCartLineQuantityCommand;
import com.souq.commerce.cart.api.CheckOutCartCommand;
import com.souq.commerce.cart.api.CheckoutOutcome;
import com.souq.commerce.cart.api.PriceChange;
import com.souq.commerce.cart.api.RemoveCartLineCommand;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.command.ListingQuote;
import com.souq.commerce.listing.command.ListingQuotes;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentMethodRules;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.platform.axon.AggregateCaching;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.pricing.OrderTotals;
import com.souq.commerce.shared.pricing.PriceLine;
import com.souq.commerce.shared.pricing.Pricing;
import com.souq.commerce.shared.pricing.VatTable;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.vendor.command.VendorStanding;
import com.souq.commerce.vendor.command.VendorStandings;
import com.souq.commerce.wallet.api.WalletOwner;
import com.souq.commerce.wallet.command.WalletFunds;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 *
 * <p>Checkout freezes the lines into an order exactly once and empties the cart, so a second checkout finds nothing
 * to order. If a listing's price moved since its line was added, checkout places nothing: the lines take the new
 * prices and the customer confirms by checking out again. A customer who never added anything has an empty cart,
 * not a missing one: every command treats a cart without events as empty.
 */
@Aggregate(cache = AggregateCaching.CACHE)
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
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
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
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RemoveCartLineCommand command) {
        Line line = lines.get(command.listingId());
        if (line == null) {
            return;
        }
        apply(new CartLineRemovedEvent(cartId, command.listingId(), line.vendorId()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CheckoutOutcome handle(CheckOutCartCommand command, ListingQuotes listings, VendorStandings vendors,
                           VatTable vat, WalletFunds wallets) {
        if (lines.isEmpty()) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "EMPTY_CART", "The cart is empty");
        }
        requirePaymentMethodAvailable(command);
        List<PriceChange> changes = new ArrayList<>();
        List<OrderLine> orderLines = new ArrayList<>();
        for (Map.Entry<ListingId, Line> entry : lines.entrySet()) {
            Line line = entry.getValue();
            ListingQuote quote = listings.of(entry.getKey());
            requireOnSale(quote);
            requireStockCovers(quote, line.quantity());
            if (!quote.price().equals(line.unitPrice())) {
                changes.add(new PriceChange(entry.getKey(), line.unitPrice(), quote.price()));
            }
            orderLines.add(new OrderLine(entry.getKey(), line.vendorId(), line.quantity(), line.unitPrice()));
        }
        if (!changes.isEmpty()) {
            apply(new CartPricesUpdatedEvent(cartId, changes));
            return CheckoutOutcome.pricesChanged(changes);
        }
        Map<String, VendorStanding> standings = new HashMap<>();
        for (OrderLine line : orderLines) {
            VendorStanding vendor = standings.computeIfAbsent(line.vendorId().value(),
                    id -> vendors.of(line.vendorId()));
            if (!vendor.maySell()) {
                throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "VENDOR_NOT_APPROVED",
                        "Vendor " + line.vendorId() + " does not sell at the moment");
            }
        }
        OrderTotals totals = price(orderLines, command.address().country(), vat, standings);
        requireWalletCovers(command, totals.grandTotal(), wallets);
        apply(new CartCheckedOutEvent(cartId, command.orderId(), command.customerSubject(), command.address(),
                List.copyOf(orderLines), totals, command.payment()));
        return CheckoutOutcome.placed(command.orderId());
    }

    private static OrderTotals price(List<OrderLine> lines, CountryCode shipTo, VatTable vat,
                                     Map<String, VendorStanding> vendors) {
        if (!vat.rates().containsKey(shipTo)) {
            throw DomainRuleViolation.unprocessable("COUNTRY_NOT_SERVED", "The marketplace does not ship to " + shipTo);
        }
        return new Pricing(vat, vendorId -> vendors.get(vendorId).shipping()).price(lines.stream()
                .map(line -> new PriceLine(line.listingId().value(), line.vendorId().value(), line.quantity(),
                        line.unitPrice()))
                .toList(), shipTo);
    }

    /** The cart holds one currency; the chosen method must pay in it and serve the shipping country. */
    private void requirePaymentMethodAvailable(CheckOutCartCommand command) {
        PaymentMethodRules.refusal(command.payment(), currency(), command.address().country()).ifPresent(why -> {
            throw DomainRuleViolation.unprocessable("PAYMENT_METHOD_NOT_AVAILABLE", why);
        });
    }

    /**
     * The wallet's part is less than the order (the wallet alone pays all of it) and the customer's wallet has it
     * available now; otherwise the checkout is refused and nothing is written or held.
     */
    private static void requireWalletCovers(CheckOutCartCommand command, Money grandTotal, WalletFunds wallets) {
        PaymentInstruction payment = command.payment();
        if (!payment.usesWallet()) {
            return;
        }
        Money part = payment.walletPart(grandTotal);
        if (payment.provider() != PaymentProvider.WALLET && part.minorUnits() >= grandTotal.minorUnits()) {
            throw DomainRuleViolation.unprocessable("PAYMENT_METHOD_NOT_AVAILABLE", "The wallet part " + part
                    + " is not less than the order's " + grandTotal + ": pay with the wallet alone");
        }
        Money available = wallets.available(WalletOwner.customer(command.customerSubject()), grandTotal.currency());
        if (available.minorUnits() < part.minorUnits()) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "INSUFFICIENT_FUNDS", "The wallet has "
                    + available + " available; paying " + part + " of this order from it is refused");
        }
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

    @EventSourcingHandler
    void on(CartPricesUpdatedEvent event) {
        event.changes().forEach(change -> lines.computeIfPresent(change.listingId(),
                (listing, line) -> line.withUnitPrice(change.currentPrice())));
    }

    @EventSourcingHandler
    void on(CartCheckedOutEvent event) {
        lines.clear();
    }

    private record Line(VendorId vendorId, int quantity, Money unitPrice) {

        Line withQuantity(int next) {
            return new Line(vendorId, next, unitPrice);
        }

        Line withUnitPrice(Money price) {
            return new Line(vendorId, quantity, price);
        }
    }
}
