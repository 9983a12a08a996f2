package com.souq.commerce.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.cart.api.CartId;
import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Journal;
import com.souq.commerce.engine.support.Vendors;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Aggregates are kept in memory between commands. Another instance of the engine on the same database may append to
 * the same aggregate meanwhile: this instance's copy is then stale, and the next command here must neither be lost nor
 * decided on the stale state. Played here by appending the other instance's event straight into the event store.
 */
@EngineIntegrationTest
class AggregateCacheTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCommandOnAnAggregateAnotherInstanceChangedIsDecidedOnTheFreshState() {
        Api api = new Api(port);
        Vendors vendors = new Vendors(api);
        String vendor = vendors.approved("Cache Parts", "EG", "EGP");
        String listing = published(api, vendors, vendor);
        String subject = "cache-customer-" + UUID.randomUUID();
        String customer = api.token(subject, "CUSTOMER");
        String cartId = CartId.ofCustomer(subject).value();

        assertThat(addToCart(api, customer, listing, 2).status()).isEqualTo(202);
        // the other instance: the same customer raised the line to 5 there, after this instance cached the cart
        int appended = jdbc.sql("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                                      metadata, payload, payloadrevision, payloadtype, timestamp)
                        SELECT aggregateidentifier, sequencenumber + 1, type, :eventId, metadata,
                               convert_to(jsonb_set(convert_from(payload, 'UTF8')::jsonb, '{quantity}', '5')::text,
                                          'UTF8'),
                               payloadrevision, payloadtype, timestamp
                          FROM domainevententry
                         WHERE aggregateidentifier = :cart
                         ORDER BY sequencenumber DESC LIMIT 1""")
                .param("eventId", UUID.randomUUID().toString()).param("cart", cartId).update();
        assertThat(appended).isOne();

        Reply added = addToCart(api, customer, listing, 1);

        assertThat(added.status()).as(added.toString()).isEqualTo(202);
        assertThat(new Journal(jdbc).events(cartId))
                .containsExactly("CartLineAddedEvent", "CartLineAddedEvent", "CartLineQuantityChangedEvent");
        JsonNode change = JSON.readTree(jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domainevententry
                         WHERE aggregateidentifier = :cart ORDER BY sequencenumber DESC LIMIT 1""")
                .param("cart", cartId).query(String.class).single());
        assertThat(change.get("previousQuantity").asInt()).as("decided on the other instance's 5, not on the "
                + "cached 2").isEqualTo(5);
        assertThat(change.get("quantity").asInt()).isEqualTo(6);
    }

    private static String published(Api api, Vendors vendors, String vendor) {
        Reply drafted = api.post("/api/v1/vendors/" + vendor + "/listings", vendors.staffOf(vendor),
                Map.of("category", "spare-parts", "title", Map.of("en", "Spark plugs"),
                        "price", Map.of("minorUnits", 120_00, "currency", "EGP"), "stock", 20),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String listing = drafted.json().get("listingId").asString();
        Reply publication = api.post("/api/v1/listings/" + listing + "/publication", vendors.staffOf(vendor), null);
        assertThat(publication.status()).as(publication.toString()).isEqualTo(202);
        return listing;
    }

    private static Reply addToCart(Api api, String customer, String listing, int quantity) {
        return api.post("/api/v1/cart/lines", customer, Map.of("listingId", listing, "quantity", quantity));
    }
}
