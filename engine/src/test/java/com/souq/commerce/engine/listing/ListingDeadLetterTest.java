package com.souq.commerce.engine.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The catalog projection sends its writes to PostgreSQL together when a batch commits; a write that fails there (here:
 * a check constraint the test puts on {@code listings} and later lifts) still parks its own event, with the later
 * events of the same vendor behind it, while other vendors' listings go on being projected; retried after the fix,
 * the listing reads as if nothing had happened.
 */
@EngineIntegrationTest
class ListingDeadLetterTest {

    private static final String POISON = "listings_poisoned_price_test";
    private static final long POISONED_PRICE = 777_777;

    @LocalServerPort
    int port;

    @Autowired
    EventStore store;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void liftPoison() {
        jdbc.sql("ALTER TABLE listings DROP CONSTRAINT IF EXISTS " + POISON).update();
    }

    @Test
    void aWriteFailingAtCommitParksItsEventAloneAndIsAppliedWhenRetriedAfterTheFix() {
        Catalog catalog = new Catalog(port, store);
        Api api = catalog.api;
        String support = api.token("support-listing-letters", "SUPPORT");
        VendorHistory badVendor = catalog.vendor;
        VendorHistory goodVendor = VendorHistory.approved(store);
        ListingHistory bad = ListingHistory.publishedBrakePads(store, badVendor);
        catalog.awaitVersion(bad, bad.adjustStock(10));
        jdbc.sql("ALTER TABLE listings ADD CONSTRAINT " + POISON + " CHECK (price_minor <> " + POISONED_PRICE + ")")
                .update();

        bad.changePrice(POISONED_PRICE);
        long badLast = bad.adjustStock(7);
        ListingHistory good = ListingHistory.publishedBrakePads(store, goodVendor);
        long goodLast = good.changePrice(160_000);

        // The other vendor's listing, handled in the same batches, is projected: the processor did not stop.
        JsonNode healthy = await().atMost(Duration.ofSeconds(30)).until(() -> catalog.get(good, support),
                reply -> reply.status() == 200 && reply.json().path("price").path("minorUnits").asLong() == 160_000)
                .json();
        assertThat(healthy.path("status").asString()).isEqualTo("PUBLISHED");
        List<JsonNode> letters = await().atMost(Duration.ofSeconds(30)).until(() -> lettersOf(api, support,
                badVendor), found -> found.size() >= 2);
        JsonNode head = letters.getFirst();
        assertThat(head.path("eventType").asString()).isEqualTo("ListingPriceChangedEvent");
        assertThat(head.path("causeMessage").asString()).contains(POISON);
        assertThat(letters.stream().map(letter -> letter.path("eventType").asString()).toList())
                .startsWith("ListingPriceChangedEvent", "ListingStockAdjustedEvent");
        JsonNode stuck = catalog.get(bad, support).json();
        assertThat(stuck.path("price").path("minorUnits").asLong()).isEqualTo(150_000);
        assertThat(api.get("/api/v1/admin/processors/listings", support).json().path("status").asString())
                .isEqualTo("RUNNING");

        jdbc.sql("ALTER TABLE listings DROP CONSTRAINT " + POISON).update();
        Api.Reply retried = api.post("/api/v1/admin/processors/listings/dead-letters/"
                + head.path("letterId").asString() + "/retry", support, null);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().path("succeeded").asBoolean()).as(retried.toString()).isTrue();

        JsonNode fixed = catalog.awaitVersion(bad, badLast);
        assertThat(fixed.path("price").path("minorUnits").asLong()).isEqualTo(POISONED_PRICE);
        assertThat(lettersOf(api, support, badVendor)).isEmpty();
        assertThat(catalog.awaitVersion(good, goodLast).path("price").path("minorUnits").asLong())
                .isEqualTo(160_000);
    }

    private static List<JsonNode> lettersOf(Api api, String support, VendorHistory vendor) {
        Api.Reply reply = api.get("/api/v1/admin/dead-letters?processor=listings&limit=1000", support);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<JsonNode> letters = new ArrayList<>();
        reply.json().forEach(letter -> {
            if (vendor.id().equals(letter.path("sequence").asString())) {
                letters.add(letter);
            }
        });
        return letters;
    }
}
