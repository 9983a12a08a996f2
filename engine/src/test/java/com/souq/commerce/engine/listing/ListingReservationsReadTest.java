package com.souq.commerce.engine.listing;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.order.api.OrderId;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@EngineIntegrationTest
class ListingReservationsReadTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore store;

    Catalog catalog;

    @BeforeEach
    void setUp() {
        catalog = new Catalog(port, store);
    }

    @Test
    void reservationsHoldStockUntilReleasedOrCommitted() {
        ListingHistory listing = ListingHistory.publishedBrakePads(store, catalog.vendor);
        OrderId released = OrderId.random();
        OrderId committed = OrderId.random();
        listing.reserve(released, 3);
        long bothHeld = listing.reserve(committed, 2);

        JsonNode held = catalog.awaitVersion(listing, bothHeld).get("stock");
        assertThat(List.of(held.get("onHand").asInt(), held.get("reserved").asInt(), held.get("available").asInt()))
                .containsExactly(10, 5, 5);
        JsonNode reservations = reservations(listing, catalog.seller).json();
        assertThat(reservations.get("totalItems").asLong()).isEqualTo(2);
        assertThat(reservations.get("items").valueStream().map(item -> item.get("state").asString()))
                .containsOnly("RESERVED");

        listing.release(released, 3);
        long last = listing.commit(committed, 2);

        JsonNode after = catalog.awaitVersion(listing, last).get("stock");
        assertThat(List.of(after.get("onHand").asInt(), after.get("reserved").asInt(), after.get("available").asInt()))
                .containsExactly(8, 0, 8);
        JsonNode items = reservations(listing, catalog.api.token("auditor-1", "AUDITOR")).json().get("items");
        assertThat(items.size()).isEqualTo(2);
        for (JsonNode item : items) {
            boolean wasReleased = item.get("orderId").asString().equals(released.value());
            assertThat(item.get("state").asString()).isEqualTo(wasReleased ? "RELEASED" : "COMMITTED");
            assertThat(item.get("quantity").asInt()).isEqualTo(wasReleased ? 3 : 2);
            assertThat(item.get("unitPrice").get("minorUnits").asLong()).isEqualTo(150_000);
            assertThat(item.get("unitPrice").get("currency").asString()).isEqualTo("EGP");
            assertThat(item.get("reservedAt").isNull()).isFalse();
            assertThat(item.get("closedAt").isNull()).isFalse();
        }
    }

    @Test
    void rejectedReservationHoldsNothingButAdvancesTheVersion() {
        ListingHistory listing = ListingHistory.publishedBrakePads(store, catalog.vendor);
        long version = listing.reject(OrderId.random(), 11);

        JsonNode stock = catalog.awaitVersion(listing, version).get("stock");

        assertThat(stock.get("available").asInt()).isEqualTo(10);
        assertThat(stock.get("reserved").asInt()).isEqualTo(0);
        assertThat(reservations(listing, catalog.seller).json().get("totalItems").asLong()).isZero();
    }

    @Test
    void reservationsAreForTheVendorAndStaffOnly() {
        ListingHistory published = ListingHistory.publishedBrakePads(store, catalog.vendor);
        ListingHistory draft = ListingHistory.draftBrakePads(store, catalog.vendor);
        catalog.awaitVersion(published, 1);
        catalog.awaitVersion(draft, 0);
        String otherSeller = catalog.api.token("other-seller", List.of("VENDOR"), UUID.randomUUID().toString());

        assertThat(reservations(published, catalog.api.token("admin-1", "ADMIN")).status()).isEqualTo(200);
        assertThat(reservations(published, otherSeller).status()).isEqualTo(403);
        assertThat(reservations(published, null).status()).isEqualTo(401);
        assertThat(reservations(draft, otherSeller).status()).as("a draft is not revealed").isEqualTo(404);
        String sizeZero = "/api/v1/listings/" + published.id() + "/reservations?size=0";
        assertThat(catalog.api.get(sizeZero, catalog.seller).status()).isEqualTo(400);
    }

    private Reply reservations(ListingHistory listing, String token) {
        return catalog.api.get("/api/v1/listings/" + listing.id() + "/reservations", token);
    }
}
