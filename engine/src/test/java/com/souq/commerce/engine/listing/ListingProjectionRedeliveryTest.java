package com.souq.commerce.engine.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.order.api.OrderId;
import java.time.Duration;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The catalog tables do not change when an event is handled again, alone or in a replay of the whole store. */
@EngineIntegrationTest
class ListingProjectionRedeliveryTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore store;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionManager transactionManager;

    Catalog catalog;
    TrackingEventProcessor processor;

    @BeforeEach
    void setUp() {
        catalog = new Catalog(port, store);
        processor = processing.eventProcessor("listings", TrackingEventProcessor.class).orElseThrow();
    }

    @Test
    void redeliveredEventsOfAListingAndItsVendorChangeNothing() {
        VendorHistory vendor = catalog.vendor;
        ListingHistory listing = busyListing(vendor);
        awaitCaughtUp();
        List<String> before = tables();

        redeliver(vendor.id());
        redeliver(listing.id());

        assertThat(tables()).isEqualTo(before);
        assertThat(before).anyMatch(row -> row.contains(listing.id()) && row.contains("\"available\": 6"));
    }

    @Test
    void aListingsWholeHistoryRedeliveredInOneBatchChangesNothing() {
        ListingHistory listing = busyListing(catalog.vendor);
        awaitCaughtUp();
        List<String> before = tables();

        redeliverInOneBatch(listing.id());

        assertThat(tables()).isEqualTo(before);
    }

    @Test
    void replayFromTheFirstEventRebuildsTheSameTables() {
        busyListing(catalog.vendor);
        awaitCaughtUp();
        List<String> live = tables();

        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.sql("SELECT count(*) FROM listings").query(Long.class).single()).isZero();
        processor.start();
        awaitCaughtUp();

        assertThat(tables()).isEqualTo(live);
        assertThat(processor.isError()).isFalse();
    }

    /** Edited, repriced, restocked, suspended and reinstated, with a reservation of each fate. */
    private ListingHistory busyListing(VendorHistory vendor) {
        ListingHistory listing = ListingHistory.publishedBrakePads(store, vendor);
        listing.changePrice(149_000);
        listing.adjustStock(12);
        OrderId released = OrderId.random();
        OrderId committed = OrderId.random();
        OrderId held = OrderId.random();
        listing.reserve(released, 1);
        listing.reserve(committed, 4);
        listing.reserve(held, 2);
        listing.reject(OrderId.random(), 20);
        listing.release(released, 1);
        long last = listing.commit(committed, 4);
        vendor.suspend();
        vendor.reinstate();
        catalog.awaitVersion(listing, last);
        return listing;
    }

    private void redeliver(String aggregateId) {
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

    /** As a processor's batch: the listing's new row is held and changed in memory, then meets the row already there. */
    private void redeliverInOneBatch(String aggregateId) {
        EventHandlerInvoker invoker = processor.eventHandlerInvoker();
        List<DomainEventMessage<?>> events = store.readEvents(aggregateId).asStream()
                .<DomainEventMessage<?>>map(event -> event).toList();
        BatchingUnitOfWork<DomainEventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.attachTransaction(transactionManager);
        batch.executeWithResult(() -> {
            invoker.handle(batch.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        });
    }

    private void awaitCaughtUp() {
        long head = store.createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> processor.processingStatus().size() == 2
                && processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .allMatch(position -> position.orElse(-1) >= head));
    }

    private List<String> tables() {
        return jdbc.sql("""
                        SELECT to_jsonb(t)::text FROM (
                            SELECT 'listing' AS kind, listing_id::text AS id, to_jsonb(l) AS row FROM listings l
                            UNION ALL
                            SELECT 'reservation', listing_id::text || order_id::text, to_jsonb(r)
                              FROM listing_reservations r
                            UNION ALL
                            SELECT 'vendor', vendor_id::text, to_jsonb(v) FROM listing_vendors v) t
                         ORDER BY kind, id""")
                .query(String.class).list();
    }
}
