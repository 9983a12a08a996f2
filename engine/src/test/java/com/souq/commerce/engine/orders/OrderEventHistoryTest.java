package com.souq.commerce.engine.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Problems;
import com.souq.commerce.vendor.api.VendorId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Support reads an order's whole history from the event store: its own events and those of its payment. */
@EngineIntegrationTest
class OrderEventHistoryTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore store;

    @Test
    void supportReadsEveryEventOfAnOrderAndOfTheAggregatesActingForIt() {
        Api api = new Api(port);
        String customer = "history-" + UUID.randomUUID();
        OrderStory order = OrderStory.placed(store, customer, VendorId.random(), VendorId.random())
                .reserveStock().requestPayment().publish();

        Api.Reply reply = api.get("/api/v1/admin/orders/" + order.orderId.value() + "/events",
                api.token("support-history", "SUPPORT"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode history = reply.json();
        List<String> types = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        history.path("history").forEach(event -> {
            types.add(event.path("aggregateType").asString() + ":" + event.path("eventType").asString());
            positions.add(event.path("globalIndex").asLong());
        });
        assertThat(types).startsWith("Order:OrderPlacedEvent").contains("Listing:StockReservedEvent",
                "Order:OrderStockReservedEvent", "Order:OrderPaymentRequestedEvent", "Payment:PaymentRequestedEvent");
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(history.path("events").asInt()).isEqualTo(types.size());
        assertThat(history.path("history").get(0).path("payload").path("customerSubject").asString())
                .isEqualTo(customer);

        Problems.assertProblem(api.get("/api/v1/admin/orders/" + order.orderId.value() + "/events",
                api.token(customer, "CUSTOMER")), 403, "FORBIDDEN");
        assertThat(api.get("/api/v1/admin/orders/not-an-order/events", api.token("support-history", "SUPPORT"))
                .status()).isEqualTo(400);
    }
}
