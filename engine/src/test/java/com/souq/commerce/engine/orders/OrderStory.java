package com.souq.commerce.engine.orders;

import com.souq.commerce.cart.api.CartId;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.api.StockReservationCommittedEvent;
import com.souq.commerce.listing.api.StockReservationRejectedEvent;
import com.souq.commerce.listing.api.StockReservationReleasedEvent;
import com.souq.commerce.listing.api.StockReservedEvent;
import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.OrderCancellationRequestedEvent;
import com.souq.commerce.order.api.OrderCancelledEvent;
import com.souq.commerce.order.api.OrderCompletedEvent;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.order.api.OrderPaidEvent;
import com.souq.commerce.order.api.OrderPaymentAcceptedEvent;
import com.souq.commerce.order.api.OrderPaymentRequestedEvent;
import com.souq.commerce.order.api.OrderPlacedEvent;
import com.souq.commerce.order.api.OrderStockReservedEvent;
import com.souq.commerce.order.api.ShippingAddress;
import com.souq.commerce.order.api.VendorOrderAcceptedEvent;
import com.souq.commerce.order.api.VendorOrderCancelledEvent;
import com.souq.commerce.order.api.VendorOrderCreatedEvent;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.order.api.VendorOrderRejectedEvent;
import com.souq.commerce.order.api.VendorOrderShippedEvent;
import com.souq.commerce.payment.api.PaymentActionRequiredEvent;
import com.souq.commerce.payment.api.PaymentAuthorizedEvent;
import com.souq.commerce.payment.api.PaymentCaptureRequestedEvent;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentFailedEvent;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentRequestedEvent;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.pricing.OrderTotals;
import com.souq.commerce.shared.pricing.PriceLine;
import com.souq.commerce.shared.pricing.Pricing;
import com.souq.commerce.shared.pricing.ShippingPolicy;
import com.souq.commerce.shared.pricing.VatTable;
import com.souq.commerce.shared.pricing.VendorTotals;
import com.souq.commerce.vendor.api.VendorId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

/**
 * An order's life as events in the real store, as the Order, VendorOrder, Payment and Listing aggregates would apply
 * them: placed from three lines of two vendors (brake pads and a filter from the first, tyres from the second),
 * shipped to Cairo, priced by the real pricing rules with a 50.00 EGP flat shipping fee per vendor. Steps queue the
 * next events with increasing sequence numbers per aggregate; {@link #publish()} appends what is queued in one
 * transaction.
 *
 * <p>The checkout, splitting and payment sagas react to these events as to real ones. A story therefore publishes
 * each step whole, so that whatever a saga asks of the order, its payment or its vendor orders finds the step done
 * and changes nothing (their commands are no-ops when overtaken), and it pays with the sandbox's
 * {@code requires-action} method, so that the payment process never authorizes a payment the story leaves waiting.
 * The listings are made up: the sagas' stock commands fail on them, and only log it.
 */
final class OrderStory {

    static final ShippingAddress HELIOPOLIS = new ShippingAddress("Mona Adel", "+201001234567", "12 Baghdad St",
            null, "Cairo", "11341", CountryCode.of("EG"));
    static final Money SHIPPING = Money.of(50_00, "EGP");

    final OrderId orderId = OrderId.random();
    final PaymentId paymentId = PaymentId.forOrder(orderId);
    final String customer;
    final VendorId first;
    final VendorId second;
    final List<OrderLine> lines;
    final OrderTotals totals;

    private final EventStore store;
    private final Map<String, Long> nextSequence = new HashMap<>();
    private final List<DomainEventMessage<?>> queued = new ArrayList<>();

    private OrderStory(EventStore store, String customer, VendorId first, VendorId second) {
        this.store = store;
        this.customer = customer;
        this.first = first;
        this.second = second;
        this.lines = List.of(
                new OrderLine(ListingId.random(), first, 2, Money.of(350_00, "EGP")),
                new OrderLine(ListingId.random(), first, 1, Money.of(120_00, "EGP")),
                new OrderLine(ListingId.random(), second, 4, Money.of(1_250_00, "EGP")));
        this.totals = new Pricing(VatTable.seed(), vendor -> new ShippingPolicy(SHIPPING, null)).price(lines.stream()
                .map(line -> new PriceLine(line.listingId().value(), line.vendorId().value(), line.quantity(),
                        line.unitPrice()))
                .toList(), HELIOPOLIS.country());
    }

    /** Placed by {@code customer}: 7 items, 5,820.00 + 100.00 shipping + 828.80 VAT = 6,748.80 EGP. */
    static OrderStory placed(EventStore store, String customer, VendorId first, VendorId second) {
        OrderStory story = new OrderStory(store, customer, first, second);
        story.order(new OrderPlacedEvent(story.orderId, CartId.ofCustomer(customer), customer, HELIOPOLIS,
                story.lines, story.totals, PaymentInstruction.sandbox(PaymentInstruction.SANDBOX_REQUIRES_ACTION)));
        return story;
    }

    /**
     * Appends every queued event in one transaction, as one command would, then lets the clock pass the millisecond
     * of the last one: the store keeps timestamps to the millisecond, and a later step or story must read as later.
     */
    OrderStory publish() {
        Instant last = queued.getLast().getTimestamp().truncatedTo(ChronoUnit.MILLIS);
        store.publish(List.copyOf(queued));
        queued.clear();
        while (!Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(last)) {
            Thread.onSpinWait();
        }
        return this;
    }

    Money grandTotal() {
        return totals.grandTotal();
    }

    OrderStory reserveStock() {
        for (OrderLine line : lines) {
            append("Listing", line.listingId().value(), new StockReservedEvent(line.listingId(), line.vendorId(),
                    orderId, line.quantity(), line.unitPrice(), 10 - line.quantity()), MetaData.emptyInstance());
        }
        order(new OrderStockReservedEvent(orderId, customer));
        return this;
    }

    OrderStory rejectStock(int lineIndex) {
        OrderLine line = lines.get(lineIndex);
        append("Listing", line.listingId().value(), new StockReservationRejectedEvent(line.listingId(),
                line.vendorId(), orderId, line.quantity(), 0, "INSUFFICIENT_STOCK"), MetaData.emptyInstance());
        return this;
    }

    OrderStory releaseStock(int lineIndex) {
        OrderLine line = lines.get(lineIndex);
        append("Listing", line.listingId().value(), new StockReservationReleasedEvent(line.listingId(),
                line.vendorId(), orderId, line.quantity(), 10), MetaData.emptyInstance());
        return this;
    }

    OrderStory requestPayment() {
        order(new OrderPaymentRequestedEvent(orderId, customer, paymentId, grandTotal(),
                PaymentInstruction.sandbox(PaymentInstruction.SANDBOX_REQUIRES_ACTION)));
        payment(new PaymentRequestedEvent(paymentId, orderId, customer, grandTotal(),
                PaymentInstruction.sandbox(PaymentInstruction.SANDBOX_REQUIRES_ACTION)));
        return this;
    }

    OrderStory requireAction(String url) {
        payment(new PaymentActionRequiredEvent(paymentId, orderId, PaymentProvider.SANDBOX, "sbx-" + orderId, url));
        return this;
    }

    OrderStory failPayment(String reason) {
        payment(new PaymentFailedEvent(paymentId, orderId, PaymentProvider.SANDBOX, "sbx-" + orderId, reason));
        return this;
    }

    OrderStory authorize() {
        payment(new PaymentAuthorizedEvent(paymentId, orderId, PaymentProvider.SANDBOX, "sbx-" + orderId,
                grandTotal()));
        order(new OrderPaymentAcceptedEvent(orderId, customer, paymentId));
        return this;
    }

    OrderStory capture() {
        payment(new PaymentCaptureRequestedEvent(paymentId, orderId, PaymentProvider.SANDBOX, "sbx-" + orderId,
                grandTotal()));
        payment(new PaymentCapturedEvent(paymentId, orderId, customer, PaymentProvider.SANDBOX, "sbx-" + orderId,
                grandTotal()));
        order(new OrderPaidEvent(orderId, customer, paymentId, grandTotal(), HELIOPOLIS, lines, totals));
        return this;
    }

    /** Reserved, paid and split: one vendor order per vendor, CREATED. */
    OrderStory paidAndSplit() {
        return reserveStock().requestPayment().authorize().capture().split();
    }

    /** One vendor order per vendor, CREATED. */
    OrderStory split() {
        for (VendorId vendor : List.of(first, second)) {
            vendorOrder(vendor, new VendorOrderCreatedEvent(vendorOrderId(vendor), orderId, vendor, customer,
                    HELIOPOLIS, linesOf(vendor), totalsOf(vendor)), MetaData.emptyInstance());
        }
        return this;
    }

    OrderStory requestCancellation(CancellationParty party, String subject, String reason) {
        order(new OrderCancellationRequestedEvent(orderId, customer, party, subject, reason));
        return this;
    }

    OrderStory cancel(CancellationParty party, String subject, String reason) {
        order(new OrderCancelledEvent(orderId, customer, party, subject, reason, false));
        return this;
    }

    OrderStory accept(VendorId vendor) {
        vendorOrder(vendor, new VendorOrderAcceptedEvent(vendorOrderId(vendor), orderId, vendor), actedBy(vendor));
        return this;
    }

    OrderStory ship(VendorId vendor, String carrier, String tracking) {
        for (OrderLine line : linesOf(vendor)) {
            append("Listing", line.listingId().value(), new StockReservationCommittedEvent(line.listingId(), vendor,
                    orderId, line.quantity(), 10 - line.quantity()), MetaData.emptyInstance());
        }
        vendorOrder(vendor, new VendorOrderShippedEvent(vendorOrderId(vendor), orderId, vendor, carrier, tracking,
                linesOf(vendor)), actedBy(vendor));
        return this;
    }

    OrderStory deliver(VendorId vendor) {
        vendorOrder(vendor, new VendorOrderDeliveredEvent(vendorOrderId(vendor), orderId, vendor), actedBy(vendor));
        return this;
    }

    OrderStory reject(VendorId vendor, String reason) {
        vendorOrder(vendor, new VendorOrderRejectedEvent(vendorOrderId(vendor), orderId, vendor, reason,
                linesOf(vendor), totalsOf(vendor).total()), actedBy(vendor));
        return this;
    }

    OrderStory cancelShare(VendorId vendor, CancellationParty party, String subject, String reason) {
        vendorOrder(vendor, new VendorOrderCancelledEvent(vendorOrderId(vendor), orderId, vendor, party, subject,
                reason, linesOf(vendor), totalsOf(vendor).total(), null), MetaData.emptyInstance());
        return this;
    }

    OrderStory complete(List<VendorId> delivered, List<VendorId> cancelled) {
        order(new OrderCompletedEvent(orderId, customer, delivered.stream().map(this::vendorOrderId).toList(),
                cancelled.stream().map(this::vendorOrderId).toList()));
        return this;
    }

    VendorOrderId vendorOrderId(VendorId vendor) {
        return VendorOrderId.of(orderId, vendor);
    }

    List<OrderLine> linesOf(VendorId vendor) {
        return lines.stream().filter(line -> line.vendorId().equals(vendor)).toList();
    }

    VendorTotals totalsOf(VendorId vendor) {
        return totals.vendors().stream().filter(totals -> totals.vendorId().equals(vendor.value())).findFirst()
                .orElseThrow();
    }

    /** Identifiers of every aggregate this story appended events to. */
    List<String> aggregates() {
        return new ArrayList<>(nextSequence.keySet());
    }

    long version() {
        return nextSequence.get(orderId.value()) - 1;
    }

    private void order(Object payload) {
        append("Order", orderId.value(), payload, MetaData.emptyInstance());
    }

    private void payment(Object payload) {
        append("Payment", paymentId.value(), payload, MetaData.emptyInstance());
    }

    private void vendorOrder(VendorId vendor, Object payload, MetaData metaData) {
        append("VendorOrder", vendorOrderId(vendor).value(), payload, metaData);
    }

    /** What the command bus puts on a vendor's own command: the signed-in staff member and their roles. */
    private static MetaData actedBy(VendorId vendor) {
        return MetaData.with("subject", "staff-" + vendor).and("roles", "VENDOR");
    }

    private void append(String type, String aggregateId, Object payload, MetaData metaData) {
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        queued.add(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData));
    }
}
