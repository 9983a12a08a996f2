package com.souq.commerce.engine.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Problems;
import com.souq.commerce.vendor.api.VendorId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An event the order projection cannot store (here: a check constraint the test puts on {@code orders} and later
 * lifts, as a bad migration or a bug would) is parked in the dead-letter queue with the later events of its order
 * behind it; every other order goes on being projected. Support sees the letters in the admin API, retries them once
 * the cause is fixed, and the order then reads as if nothing had happened; or evicts them (until a rebuild).
 */
@EngineIntegrationTest
class OrderDeadLetterTest {

    private static final String POISON = "orders_poisoned_customer_test";

    @LocalServerPort
    int port;

    @Autowired
    EventStore store;

    @Autowired
    JdbcClient jdbc;

    private final String poisoned = "poisoned-" + UUID.randomUUID();

    @AfterEach
    void liftPoison() {
        jdbc.sql("ALTER TABLE orders DROP CONSTRAINT IF EXISTS " + POISON).update();
    }

    @Test
    void poisonedOrderIsParkedInOrderWhileOthersGoOnAndIsAppliedWhenRetriedAfterTheFix() {
        Api api = new Api(port);
        String support = api.token("support-dead-letters", "SUPPORT");
        poison();

        OrderStory bad = OrderStory.placed(store, poisoned, VendorId.random(), VendorId.random()).publish();
        bad.reserveStock().publish();
        bad.requestPayment().publish();
        OrderStory good = OrderStory.placed(store, "healthy-" + UUID.randomUUID(), VendorId.random(),
                VendorId.random()).reserveStock().publish();

        // The healthy order placed after the poisoned one is projected: the processor did not stop.
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/orders/" + good.orderId.value(),
                support), reply -> reply.status() == 200
                && "STOCK_RESERVED".equals(reply.json().path("status").asString()));
        List<JsonNode> letters = await().atMost(Duration.ofSeconds(30)).until(() -> lettersOf(api, support, bad),
                found -> found.size() >= 4);
        // The placement failed first; the later events of the same order queue behind it, in their order.
        JsonNode head = letters.getFirst();
        assertThat(head.path("eventType").asString()).isEqualTo("OrderPlacedEvent");
        assertThat(head.path("first").asBoolean()).isTrue();
        assertThat(head.path("causeMessage").asString()).contains(POISON);
        assertThat(letters.stream().map(letter -> letter.path("eventType").asString()).toList())
                .startsWith("OrderPlacedEvent", "OrderStockReservedEvent", "OrderPaymentRequestedEvent");
        assertThat(letters.stream().skip(1).noneMatch(letter -> letter.path("first").asBoolean())).isTrue();
        List<Long> orderSequence = letters.stream()
                .filter(letter -> bad.orderId.value().equals(letter.path("aggregateId").asString()))
                .map(letter -> letter.path("aggregateSequenceNumber").asLong()).toList();
        assertThat(orderSequence).isSorted().doesNotHaveDuplicates();
        assertThat(api.get("/api/v1/orders/" + bad.orderId.value(), support).status()).isEqualTo(404);
        JsonNode orders = api.get("/api/v1/admin/processors/orders", support).json();
        assertThat(orders.path("status").asString()).isEqualTo("RUNNING");
        assertThat(orders.path("deadLetters").asLong()).isGreaterThanOrEqualTo(letters.size());

        Problems.assertProblem(api.post(retryPath(letters.get(1)), support, null), 409, "NOT_FIRST_IN_SEQUENCE");
        JsonNode stillBroken = api.post(retryPath(head), support, null).json();
        assertThat(stillBroken.path("succeeded").asBoolean()).as(stillBroken.toString()).isFalse();
        assertThat(stillBroken.path("stillParkedInSequence").asLong()).isGreaterThanOrEqualTo(letters.size());
        assertThat(api.get("/api/v1/orders/" + bad.orderId.value(), support).status()).isEqualTo(404);

        jdbc.sql("ALTER TABLE orders DROP CONSTRAINT " + POISON).update();
        Api.Reply retried = api.post(retryPath(head), support, null);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().path("succeeded").asBoolean()).as(retried.toString()).isTrue();
        assertThat(retried.json().path("stillParkedInSequence").asLong()).isZero();

        // Every event of the order is applied, in order: the row has seen the newest one in the store.
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/orders/" + bad.orderId.value(),
                support), reply -> reply.status() == 200
                && reply.json().path("version").asLong() == newestSequenceNumber(bad));
        JsonNode order = api.get("/api/v1/orders/" + bad.orderId.value(), support).json();
        assertThat(order.path("customerSubject").asString()).isEqualTo(poisoned);
        assertThat(order.path("status").asString()).isIn("PAYMENT_PENDING", "CANCELLED");
        assertThat(lettersOf(api, support, bad)).isEmpty();
    }

    private long newestSequenceNumber(OrderStory order) {
        return jdbc.sql("SELECT max(sequence_number) FROM event_journal WHERE aggregate_id = :id")
                .param("id", order.orderId.value()).query(Long.class).single();
    }

    @Test
    void evictedLetterIsDroppedForGood() {
        Api api = new Api(port);
        String support = api.token("support-dead-letters", "SUPPORT");
        poison();
        OrderStory bad = OrderStory.placed(store, poisoned, VendorId.random(), VendorId.random()).publish();
        List<JsonNode> letters = await().atMost(Duration.ofSeconds(30)).until(() -> lettersOf(api, support, bad),
                found -> found.size() == 1);
        jdbc.sql("ALTER TABLE orders DROP CONSTRAINT " + POISON).update();

        String path = "/api/v1/admin/processors/orders/dead-letters/" + letters.getFirst().path("letterId").asString();
        assertThat(api.send("DELETE", path, support, null, java.util.Map.of()).status()).isEqualTo(204);

        assertThat(lettersOf(api, support, bad)).isEmpty();
        assertThat(api.get("/api/v1/orders/" + bad.orderId.value(), support).status()).isEqualTo(404);
        Problems.assertProblem(api.send("DELETE", path, support, null, java.util.Map.of()), 404, "NOT_FOUND");

        // Evicting drops the event for the running projection only: a rebuild replays the whole store, and the
        // event, harmless now, is applied (which also leaves the read model as a fresh projection would be).
        assertThat(api.post("/api/v1/admin/processors/orders/rebuild", support, null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).until(() -> api.get("/api/v1/admin/processors/orders/rebuild",
                support).json().path("state").asString(), "COMPLETED"::equals);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/orders/" + bad.orderId.value(),
                support).status(), status -> status == 200);
        Problems.assertProblem(api.get("/api/v1/admin/dead-letters", api.token("shopper-dl", "CUSTOMER")), 403,
                "FORBIDDEN");
    }

    private void poison() {
        jdbc.sql("ALTER TABLE orders ADD CONSTRAINT " + POISON + " CHECK (customer_subject <> '" + poisoned + "')")
                .update();
    }

    private static String retryPath(JsonNode letter) {
        return "/api/v1/admin/processors/orders/dead-letters/" + letter.path("letterId").asString() + "/retry";
    }

    private static List<JsonNode> lettersOf(Api api, String support, OrderStory order) {
        Api.Reply reply = api.get("/api/v1/admin/dead-letters?processor=orders&limit=1000", support);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<JsonNode> letters = new ArrayList<>();
        reply.json().forEach(letter -> {
            if (order.orderId.value().equals(letter.path("sequence").asString())) {
                letters.add(letter);
            }
        });
        return letters;
    }
}
