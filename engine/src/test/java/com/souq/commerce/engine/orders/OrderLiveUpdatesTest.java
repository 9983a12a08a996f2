package com.souq.commerce.engine.orders;

import static com.souq.commerce.engine.orders.OrderQueries.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.query.api.FindOrderQuery;
import com.souq.commerce.vendor.api.VendorId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A customer follows an order as server-sent events: the order now, then each change, until they leave. */
@EngineIntegrationTest
class OrderLiveUpdatesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    EventStore store;

    @Autowired
    QueryUpdateEmitter updates;

    Api api;
    String customerSubject;
    String customer;
    OrderStory story;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        customerSubject = "customer-" + UUID.randomUUID();
        customer = api.token(customerSubject, "CUSTOMER");
        story = OrderStory.placed(store, customerSubject, VendorId.random(), VendorId.random()).publish();
        new OrderQueries(api).order(story.orderId.value(), customer, status("PLACED"));
    }

    @Test
    void streamStartsWithTheOrderAndFollowsEachChange() throws InterruptedException {
        try (EventStream stream = EventStream.open(port, updatesOf(story.orderId), customer)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            EventStream.Event current = stream.next(PATIENCE);
            assertThat(current.name()).isEqualTo("order");
            assertThat(current.data().get("orderId").asString()).isEqualTo(story.orderId.value());
            assertThat(current.data().get("status").asString()).isEqualTo("PLACED");

            story.reserveStock().requestPayment().publish();

            EventStream.Event update = nextWhere(stream, order -> order.get("status").asString()
                    .equals("PAYMENT_PENDING") && !order.get("payment").get("status").isNull()
                    && types(order).containsAll(List.of("OrderStockReserved", "OrderPaymentRequested",
                    "PaymentRequested")));
            assertThat(update.name()).isEqualTo("order");
            assertThat(update.data().get("orderId").asString()).isEqualTo(story.orderId.value());
        }
    }

    @Test
    void somebodyElsesOrderCannotBeFollowed() {
        try (EventStream stream = EventStream.open(port, updatesOf(story.orderId),
                api.token("customer-" + UUID.randomUUID(), "CUSTOMER"))) {
            assertThat(stream.status()).isEqualTo(404);
            assertThat(stream.contentType()).startsWith("application/problem+json");
            assertThat(stream.problem().get("code").asString()).isEqualTo("NOT_FOUND");
        }
        try (EventStream stream = EventStream.open(port, updatesOf(OrderId.random()), customer)) {
            assertThat(stream.status()).isEqualTo(404);
        }
        assertThat(subscriptionsTo(story.orderId)).isZero();
    }

    @Test
    void leavingTheStreamEndsTheSubscription() throws InterruptedException {
        EventStream stream = EventStream.open(port, updatesOf(story.orderId), customer);
        assertThat(stream.next(PATIENCE)).isNotNull();
        assertThat(subscriptionsTo(story.orderId)).isEqualTo(1);

        stream.close();
        story.reserveStock().publish();
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(subscriptionsTo(story.orderId)).isZero());
    }

    /**
     * Waits for an update showing what {@code shows} expects, skipping earlier ones: each read model pushes its own
     * change, so the view catches up over several updates, and the last of them shows everything.
     */
    private static EventStream.Event nextWhere(EventStream stream, Predicate<JsonNode> shows)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            EventStream.Event event = stream.next(Duration.ofMillis(500));
            if (event != null && shows.test(event.data())) {
                return event;
            }
        }
        throw new AssertionError("No update showed what was expected within " + PATIENCE);
    }

    private static List<String> types(JsonNode order) {
        return order.get("timeline").valueStream().map(entry -> entry.get("type").asString()).toList();
    }

    private long subscriptionsTo(OrderId orderId) {
        return updates.activeSubscriptions().stream()
                .filter(subscription -> subscription.getPayload() instanceof FindOrderQuery query
                        && query.orderId().equals(orderId))
                .count();
    }

    private static String updatesOf(OrderId orderId) {
        return "/api/v1/orders/" + orderId + "/updates";
    }
}
