package com.souq.commerce.engine.orders;

import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import java.time.Duration;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Reads of the order API that wait for the read models to catch up with the events a test appended. */
final class OrderQueries {

    private final Api api;

    OrderQueries(Api api) {
        this.api = api;
    }

    /** The order as {@code token} reads it, once it satisfies {@code until}. */
    JsonNode order(String orderId, String token, Predicate<JsonNode> until) {
        return until("/api/v1/orders/" + orderId, token, until);
    }

    JsonNode until(String path, String token, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Api.Reply reply = api.get(path, token);
            return reply.status() == 200 ? reply.json() : null;
        }, json -> json != null && until.test(json));
    }

    static Predicate<JsonNode> status(String status) {
        return order -> order.get("status").asString().equals(status);
    }

    static Predicate<JsonNode> timelineOf(int entries) {
        return order -> order.get("timeline").size() == entries;
    }
}
