package com.souq.commerce.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.VendorRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The event store as the source of truth: old revisions are read as new ones, and projections replay exactly. */
@EngineIntegrationTest
class EventStoreTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore eventStore;

    Api api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = api.token("admin-event-store", "ADMIN");
    }

    @Test
    void eventsAreAppendedInRealDatabaseTransactions(@Autowired TransactionManager transactionManager,
                                                     @Autowired EventStorageEngine storageEngine) {
        assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
    }

    /**
     * Two instances appending to one aggregate meet at the unique (aggregate, sequence) index: that must read as a
     * concurrency conflict (409, retried by sagas), not as a failure of the store (500, skipped by sagas). Both
     * appends run in one transaction that is rolled back, so nothing reaches the store.
     */
    @Test
    void anAppendAtATakenSequenceNumberIsAConcurrencyConflict(@Autowired TransactionManager transactionManager,
                                                              @Autowired EventStorageEngine storageEngine) {
        String aggregate = UUID.randomUUID().toString();
        Transaction transaction = transactionManager.startTransaction();
        try {
            storageEngine.appendEvents(List.of(probe(aggregate, 0), probe(aggregate, 1)));
            assertThatThrownBy(() -> storageEngine.appendEvents(List.of(probe(aggregate, 1))))
                    .isInstanceOf(ConcurrencyException.class);
        } finally {
            transaction.rollback();
        }
    }

    private static GenericDomainEventMessage<String> probe(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("ConcurrencyProbe", aggregate, sequence, "probe");
    }

    @Test
    void revisionOneEventInTheStoreIsUpcastForProjectionAndAggregate() {
        String vendorId = UUID.randomUUID().toString();
        String payload = """
                {"vendorId":"%s","applicantSubject":"legacy-seller","displayName":"Legacy Motors",
                 "legalName":"Legacy Motors LLC","country":"EG","currency":"EGP",
                 "contactEmail":"legacy@motors.example","commissionRateBasisPoints":800}""".formatted(vendorId);
        jdbc.sql("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                                      metadata, payload, payloadrevision, payloadtype, timestamp)
                        VALUES (:id, 0, 'Vendor', :eventId, convert_to('{}', 'UTF8'), convert_to(:payload, 'UTF8'),
                                '1', 'com.souq.commerce.vendor.api.VendorAppliedEvent', :at)""")
                .param("id", vendorId).param("eventId", UUID.randomUUID().toString()).param("payload", payload)
                .param("at", Instant.now().toString())
                .update();

        Reply vendor = await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/vendors/" + vendorId, admin), reply -> reply.status() == 200);
        assertThat(vendor.json().get("commissionPlan").get("defaultRate").asInt()).isEqualTo(800);
        assertThat(vendor.json().get("displayName").asString()).isEqualTo("Legacy Motors");

        Reply kyc = api.post("/api/v1/vendors/" + vendorId + "/kyc-documents", api.token("legacy-seller", "VENDOR"),
                Map.of("documentType", "TAX_REGISTRATION", "reference", "tax-legacy-1"));
        assertThat(kyc.status()).as(kyc.toString()).isEqualTo(202);
    }

    @Test
    void vendorsProjectionReplayedFromTheFirstEventEqualsTheLiveOne() {
        String seller = api.token("replay-seller-" + UUID.randomUUID(), "VENDOR");
        for (int i = 0; i < 5; i++) {
            String vendorId = api.post("/api/v1/vendors", seller,
                    VendorRequests.application("Replay Parts " + i, "EG", "EGP"),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString())).json().get("vendorId").asString();
            api.post("/api/v1/vendors/" + vendorId + "/kyc-documents", seller,
                    Map.of("documentType", "COMMERCIAL_REGISTRATION", "reference", "cr-" + i));
        }
        StreamingEventProcessor processor =
                processing.eventProcessor("vendors", StreamingEventProcessor.class).orElseThrow();
        awaitCaughtUp(processor);
        List<Map<String, Object>> live = vendorsTable();

        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitCaughtUp(processor);

        assertThat(vendorsTable()).isEqualTo(live);
        assertThat(processor.isError()).isFalse();
    }

    private void awaitCaughtUp(StreamingEventProcessor processor) {
        long head = eventStore.createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> processor.processingStatus().size() == 2
                && processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .allMatch(position -> position.orElse(-1) >= head));
    }

    private List<Map<String, Object>> vendorsTable() {
        return jdbc.sql("SELECT * FROM vendors ORDER BY vendor_id").query().listOfRows();
    }
}
