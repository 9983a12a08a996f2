package com.souq.commerce.engine.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.cart.api.CartCheckedOutEvent;
import com.souq.commerce.cart.api.CartId;
import com.souq.commerce.cart.api.CartLineAddedEvent;
import com.souq.commerce.cart.api.CartLineQuantityChangedEvent;
import com.souq.commerce.cart.api.CartLineRemovedEvent;
import com.souq.commerce.cart.api.CartPricesUpdatedEvent;
import com.souq.commerce.cart.api.PriceChange;
import com.souq.commerce.engine.support.AggregateHistory;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Journal;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The order, vendor order, timeline, payment and cart read models do not change when an event is handled again, alone
 * or in a replay of the whole store, and none of their processors parks an event as a dead letter.
 */
@EngineIntegrationTest
class OrderProjectionRedeliveryTest {

    private static final List<String> PROCESSING_GROUPS =
            List.of("orders", "vendor-orders", "order-timeline", "payments", "carts");

    @Autowired
    EventStore store;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionManager transactionManager;

    OrderStory order;
    CartId cart;

    @BeforeEach
    void setUp() {
        String customer = "customer-" + UUID.randomUUID();
        VendorId shipping = VendorId.random();
        VendorId cancelling = VendorId.random();
        order = OrderStory.placed(store, customer, shipping, cancelling)
                .reserveStock().requestPayment().requireAction("https://sandbox.example/3ds").authorize().capture()
                .split()
                .accept(shipping).ship(shipping, "Aramex", "AX-9").deliver(shipping)
                .requestCancellation(CancellationParty.CUSTOMER, customer, "Found it cheaper")
                .cancelShare(cancelling, CancellationParty.CUSTOMER, customer, "Found it cheaper")
                .complete(List.of(shipping), List.of(cancelling))
                .publish();
        cart = busyCart(customer, shipping);
        // the delivered share's return window (3 s in the tests) closes it to refunds with one more event: let the
        // story settle before its rows are compared
        String delivered = order.vendorOrderId(shipping).value();
        await().atMost(Duration.ofSeconds(30)).until(() -> new Journal(jdbc).events(delivered)
                .contains("VendorOrderReturnsClosedEvent"));
    }

    @Test
    void redeliveredEventsChangeNothing() {
        awaitCaughtUp();
        List<String> before = rows();

        List<String> aggregates = new ArrayList<>(order.aggregates());
        aggregates.add(cart.value());
        for (String group : PROCESSING_GROUPS) {
            aggregates.forEach(aggregate -> redeliver(processor(group), aggregate));
        }

        assertThat(rows()).isEqualTo(before);
        assertThat(before).anyMatch(row -> row.startsWith("orders ") && row.contains("\"status\": \"COMPLETED\"")
                && row.contains("\"payment_status\": \"CAPTURED\""));
        assertThat(before).filteredOn(row -> row.startsWith("order_timeline ")).hasSize(24);
        assertThat(before).anyMatch(row -> row.startsWith("vendor_orders ") && row.contains("\"CANCELLED\"")
                && row.contains("Found it cheaper"));
        assertThat(before).anyMatch(row -> row.startsWith("payments ") && row.contains("\"CAPTURED\"")
                && row.contains("\"next_action_url\": null"));
        assertThat(before).filteredOn(row -> row.startsWith("cart_lines ")).hasSize(2);
        assertThat(deadLetters()).isZero();
    }

    @Test
    void replayFromTheFirstEventRebuildsTheSameRows() {
        awaitCaughtUp();
        List<String> live = rows();

        for (String group : PROCESSING_GROUPS) {
            TrackingEventProcessor processor = processor(group);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        awaitCaughtUp();

        assertThat(rows()).isEqualTo(live);
        PROCESSING_GROUPS.forEach(group -> assertThat(processor(group).isError()).as(group).isFalse());
        assertThat(deadLetters()).isZero();
    }

    /** Two lines, one repriced, one changed and removed, checked out, and a new line after the checkout. */
    private CartId busyCart(String customer, VendorId vendor) {
        CartId cartId = CartId.ofCustomer(customer);
        AggregateHistory events = new AggregateHistory(store, "Cart", cartId.value());
        ListingId pads = ListingId.random();
        ListingId oil = ListingId.random();
        Money padsPrice = Money.of(350_00, "EGP");
        events.append(new CartLineAddedEvent(cartId, customer, pads, vendor, 2, padsPrice));
        events.append(new CartLineAddedEvent(cartId, customer, oil, vendor, 1, Money.of(99_99, "EGP")));
        events.append(new CartLineQuantityChangedEvent(cartId, pads, vendor, 2, 5, padsPrice));
        events.append(new CartPricesUpdatedEvent(cartId, List.of(new PriceChange(oil, Money.of(99_99, "EGP"),
                Money.of(105_00, "EGP")))));
        events.append(new CartLineRemovedEvent(cartId, pads, vendor));
        events.append(new CartCheckedOutEvent(cartId, OrderId.random(), customer, OrderStory.HELIOPOLIS,
                order.lines, order.totals, PaymentInstruction.sandbox(PaymentInstruction.SANDBOX_APPROVE)));
        events.append(new CartLineAddedEvent(cartId, customer, pads, vendor, 1, padsPrice));
        events.append(new CartLineAddedEvent(cartId, customer, oil, vendor, 3, Money.of(105_00, "EGP")));
        return cartId;
    }

    private TrackingEventProcessor processor(String group) {
        return processing.eventProcessor(group, TrackingEventProcessor.class).orElseThrow();
    }

    private void redeliver(TrackingEventProcessor processor, String aggregateId) {
        EventHandlerInvoker invoker = processor.eventHandlerInvoker();
        store.readEvents(aggregateId).asStream().forEach(event -> {
            UnitOfWork<DomainEventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
            unitOfWork.attachTransaction(transactionManager);
            unitOfWork.execute(() -> {
                try {
                    invoker.handle(event, Segment.ROOT_SEGMENT);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        });
    }

    private void awaitCaughtUp() {
        long head = store.createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> PROCESSING_GROUPS.stream().map(this::processor)
                .allMatch(processor -> processor.processingStatus().size() == 2
                        && processor.processingStatus().values().stream()
                                .map(EventTrackerStatus::getCurrentPosition)
                                .allMatch(position -> position.orElse(-1) >= head)));
    }

    /** Every row of the read models that this test's order and cart touched, as "table json", in a stable order. */
    private List<String> rows() {
        return jdbc.sql("""
                        SELECT kind || ' ' || row::text FROM (
                            SELECT 'orders' AS kind, order_id::text AS id, to_jsonb(o) AS row
                              FROM orders o WHERE order_id = :order
                            UNION ALL
                            SELECT 'order_lines', order_id || '/' || line_number, to_jsonb(l)
                              FROM order_lines l WHERE order_id = :order
                            UNION ALL
                            SELECT 'vendor_orders', vendor_order_id::text, to_jsonb(v)
                              FROM vendor_orders v WHERE order_id = :order
                            UNION ALL
                            SELECT 'vendor_order_lines', l.vendor_order_id || '/' || l.line_number, to_jsonb(l)
                              FROM vendor_order_lines l JOIN vendor_orders v USING (vendor_order_id)
                             WHERE v.order_id = :order
                            UNION ALL
                            SELECT 'order_timeline', event_id, to_jsonb(t)
                              FROM order_timeline t WHERE order_id = :order
                            UNION ALL
                            SELECT 'payments', payment_id::text, to_jsonb(p) FROM payments p WHERE order_id = :order
                            UNION ALL
                            SELECT 'carts', cart_id::text, to_jsonb(c) FROM carts c WHERE cart_id = :cart
                            UNION ALL
                            SELECT 'cart_lines', listing_id::text, to_jsonb(l) FROM cart_lines l WHERE cart_id = :cart
                        ) t ORDER BY kind, id""")
                .param("order", UUID.fromString(order.orderId.value()))
                .param("cart", UUID.fromString(cart.value()))
                .query(String.class).list();
    }

    private long deadLetters() {
        return jdbc.sql("SELECT count(*) FROM deadletterentry WHERE processinggroup IN (:groups)")
                .param("groups", PROCESSING_GROUPS)
                .query(Long.class).single();
    }
}
