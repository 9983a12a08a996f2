package com.souq.commerce.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** The public search endpoints as a storefront calls them, with waits for the projection to catch up. */
final class SearchApi {

    private final Api api;

    SearchApi(Api api) {
        this.api = api;
    }

    /** Searches with {@code name=value} pairs, URL-encoding the values. */
    Reply get(String path, String... parameters) {
        String query = Stream.of(parameters).map(pair -> {
            int equals = pair.indexOf('=');
            return pair.substring(0, equals + 1)
                    + URLEncoder.encode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        }).collect(Collectors.joining("&"));
        return api.get(path + (query.isEmpty() ? "" : "?" + query), null);
    }

    JsonNode listings(String... parameters) {
        Reply reply = get("/api/v1/search/listings", parameters);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** Waits until the search answers what {@code expected} accepts, and answers it. */
    JsonNode awaitListings(Predicate<JsonNode> expected, String... parameters) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> listings(parameters), expected);
    }

    static Predicate<JsonNode> ids(String... listingIds) {
        return result -> ids(result).equals(List.of(listingIds));
    }

    static Predicate<JsonNode> idsInAnyOrder(String... listingIds) {
        return result -> ids(result).stream().sorted().toList().equals(Stream.of(listingIds).sorted().toList());
    }

    static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("items").forEach(item -> ids.add(item.get("listingId").asString()));
        return ids;
    }

    /** A facet as {@code value=count} texts, in the order answered. */
    static List<String> facet(JsonNode result, String name) {
        List<String> values = new ArrayList<>();
        result.get("facets").get(name).forEach(bucket ->
                values.add(bucket.get("value").asString() + "=" + bucket.get("count").asLong()));
        return values;
    }
}
