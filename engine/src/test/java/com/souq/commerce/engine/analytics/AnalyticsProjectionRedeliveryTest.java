package com.souq.commerce.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.cart.api.CartId;
import com.souq.commerce.engine.audit.Shop;
import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.vendor.api.VendorId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The analytics tables do not change when an event is handled again, alone or in a replay of the whole store: no sale
 * line, refund, session or milestone is written twice.
 */
@EngineIntegrationTest
class AnalyticsProjectionRedeliveryTest {

    private static final List<String> GROUPS = List.of("analytics-sales", "analytics-orders",
            "analytics-vendor-performance");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore store;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TransactionManager transactionManager;

    @Test
    void redeliveredAndReplayedEventsChangeNoAnalyticsRow() {
        Api api = new Api(port);
        Shop shop = new Shop(api, jdbc);
        String vendor = shop.vendor("Replay Parts", 1_000, Map.of("spare-parts", 500));
        String pads = shop.listing(vendor, "spare-parts", "Brake pads", 120_00);
        String customerSubject = "customer-" + UUID.randomUUID();
        String customer = api.token(customerSubject, "CUSTOMER");
        shop.addToCart(customer, pads, 2);
        String kept = shop.checkoutPaid(customer, "replay-" + UUID.randomUUID());
        shop.addToCart(customer, pads, 1);
        String rejected = shop.checkoutPaid(customer, "replay-" + UUID.randomUUID());
        shop.act(Shop.share(kept, vendor), vendor, "acceptance", null);
        shop.act(Shop.share(rejected, vendor), vendor, "rejection", Map.of("reason", "Damaged"));
        shop.awaitEntries(rejected, 2);
        await().atMost(Shop.EVENTUALLY).until(() -> rows(vendor, customerSubject).size() == 2 + 1 + 1 + 2 + 2 + 2
                && rows(vendor, customerSubject).stream().noneMatch(row -> row.contains("\"commission_minor\": null"))
                && rows(vendor, customerSubject).stream().anyMatch(row -> row.contains("\"rejected_at\": \"")));
        List<String> before = rows(vendor, customerSubject);

        List<String> aggregates = new ArrayList<>(List.of(pads, kept, rejected, CartId.ofCustomer(customerSubject)
                .value(), Shop.share(kept, vendor), Shop.share(rejected, vendor)));
        for (String order : List.of(kept, rejected)) {
            VendorOrderId share = VendorOrderId.of(OrderId.of(order), VendorId.of(vendor));
            aggregates.add(JournalEntryId.forOperation(Operations.captureShare(PaymentId.forOrder(OrderId.of(order)),
                    share)).value());
        }
        aggregates.add(JournalEntryId.forOperation(Operations.shareReversal(VendorOrderId.of(OrderId.of(rejected),
                VendorId.of(vendor)))).value());
        GROUPS.forEach(group -> redeliver(group, aggregates));
        assertThat(rows(vendor, customerSubject)).isEqualTo(before);

        for (String group : GROUPS) {
            TrackingEventProcessor processor = processor(group);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        GROUPS.forEach(group -> awaitCaughtUp(processor(group)));
        assertThat(rows(vendor, customerSubject)).isEqualTo(before);
        GROUPS.forEach(group -> assertThat(processor(group).isError()).as(group).isFalse());
        assertThat(before).anyMatch(row -> row.contains("\"amount_minor\": 13680"))
                .anyMatch(row -> row.contains("\"commission_minor\": 1200"));
    }

    private TrackingEventProcessor processor(String group) {
        return processing.eventProcessor(group, TrackingEventProcessor.class).orElseThrow();
    }

    private void redeliver(String group, List<String> aggregateIds) {
        EventHandlerInvoker invoker = processor(group).eventHandlerInvoker();
        for (String aggregateId : aggregateIds) {
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
    }

    private void awaitCaughtUp(TrackingEventProcessor processor) {
        long head = store.createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofSeconds(90)).until(() -> processor.processingStatus().size() == 2
                && processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .allMatch(position -> position.orElse(-1) >= head));
    }

    /** This test's rows of every analytics table: other tests' orders may come meanwhile. */
    private List<String> rows(String vendor, String customerSubject) {
        UUID vendorId = UUID.fromString(vendor);
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("SELECT to_jsonb(s)::text FROM analytics_sale_lines s WHERE vendor_id = :vendor "
                + "ORDER BY sold_at, vendor_order_id, line_no").param("vendor", vendorId).query(String.class).list());
        rows.addAll(jdbc.sql("SELECT to_jsonb(r)::text FROM analytics_refunds r WHERE vendor_id = :vendor "
                + "ORDER BY entry_id, category").param("vendor", vendorId).query(String.class).list());
        rows.addAll(jdbc.sql("SELECT to_jsonb(l)::text FROM analytics_listings l WHERE vendor_id = :vendor")
                .param("vendor", vendorId).query(String.class).list());
        rows.addAll(jdbc.sql("SELECT to_jsonb(o)::text FROM analytics_orders o WHERE customer_subject = :customer "
                + "ORDER BY placed_at").param("customer", customerSubject).query(String.class).list());
        rows.addAll(jdbc.sql("SELECT to_jsonb(c)::text FROM analytics_cart_sessions c WHERE customer_subject = "
                + ":customer ORDER BY session_no").param("customer", customerSubject).query(String.class).list());
        rows.addAll(jdbc.sql("SELECT to_jsonb(v)::text FROM analytics_vendor_orders v WHERE vendor_id = :vendor "
                + "ORDER BY created_at").param("vendor", vendorId).query(String.class).list());
        return rows;
    }
}
