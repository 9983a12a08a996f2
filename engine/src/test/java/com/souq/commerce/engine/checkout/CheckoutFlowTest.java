package com.souq.commerce.engine.checkout;

import static com.souq.commerce.engine.support.Problems.assertInvalidField;
import static com.souq.commerce.engine.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Problems;
import com.souq.commerce.engine.support.Vendors;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A customer fills one cart from three vendors and checks out once, over HTTP against the real store. */
@EngineIntegrationTest
class CheckoutFlowTest {

    private static final Map<String, Object> HELIOPOLIS = Map.of("recipient", "Mona Adel", "phone", "+201001234567",
            "line1", "12 Baghdad St", "city", "Cairo", "postalCode", "11341", "country", "EG");
    private static final Map<String, Object> SANDBOX_APPROVE = Map.of("provider", "SANDBOX", "method", "approve");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Vendors vendors;
    Problems problems;
    String customer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        vendors = new Vendors(api);
        problems = new Problems(jdbc);
        customer = api.token("customer-" + UUID.randomUUID(), "CUSTOMER");
    }

    @Test
    void cartFromThreeVendorsIsCheckedOutIntoOneOrderOnce() {
        String cairo = vendors.approved("Cairo Parts", "EG", "EGP");
        String giza = vendors.approved("Giza Tyres", "EG", "EGP");
        String delta = vendors.approved("Delta Oils", "EG", "EGP");
        assertThat(api.put("/api/v1/vendors/" + cairo + "/shipping-policy", vendors.staffOf(cairo),
                Map.of("flatFee", egp(50_00), "freeFrom", egp(1_000_00)), Map.of()).status()).isEqualTo(202);
        assertThat(api.put("/api/v1/vendors/" + giza + "/shipping-policy", vendors.staffOf(giza),
                Map.of("flatFee", egp(75_00)), Map.of()).status()).isEqualTo(202);
        String pads = published(cairo, "Brake pads", 350_00, 10);
        String tyre = published(giza, "Tyre 205/55 R16", 1_250_00, 10);
        String oil = published(delta, "Engine oil 5W-30", 99_99, 10);

        assertThat(addToCart(pads, 2).status()).isEqualTo(202);
        assertThat(addToCart(tyre, 4).status()).isEqualTo(202);
        assertThat(addToCart(oil, 3).status()).isEqualTo(202);

        String key = UUID.randomUUID().toString();
        Reply placed = checkout(key);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.json().get("orderId").asString();
        assertThat(placed.header("Location")).isEqualTo("/api/v1/orders/" + orderId);

        Map<String, Object> order = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        SELECT payload->'totals'->'grandTotal'->>'minorUnits' AS grand_total,
                               payload->'totals'->'shipping'->>'minorUnits' AS shipping,
                               payload->'totals'->'vat'->>'minorUnits' AS vat,
                               jsonb_array_length(payload->'totals'->'vendors') AS vendors,
                               jsonb_array_length(payload->'lines') AS lines
                          FROM event_journal WHERE aggregate_id = :id AND event_type LIKE '%OrderPlacedEvent'""")
                .param("id", orderId).query().listOfRows(), rows -> rows.size() == 1).getFirst();
        // Cairo: 700.00 + 50.00 shipping + VAT 105.00; Giza: 5,000.00 + 75.00 + VAT 710.50;
        // Delta: 299.97 + free shipping + VAT 42.00 -> 6,982.47 EGP
        assertThat(order).containsEntry("grand_total", "698247").containsEntry("shipping", "12500")
                .containsEntry("vat", "85750").containsEntry("vendors", 3).containsEntry("lines", 3);

        Reply replay = checkout(key);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().get("orderId").asString()).isEqualTo(orderId);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertProblem(problems.writesNothing(() -> checkout(UUID.randomUUID().toString())), 409, "EMPTY_CART");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM event_journal
                         WHERE event_type LIKE '%OrderPlacedEvent' AND payload->>'customerSubject' = (
                               SELECT payload->>'customerSubject' FROM event_journal WHERE aggregate_id = :id LIMIT 1)""")
                .param("id", orderId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void priceChangedSinceAddingIsConfirmedBeforeTheOrderIsPlaced() {
        String vendor = vendors.approved("Repricing Parts", "EG", "EGP");
        String listing = published(vendor, "Radiator", 2_000_00, 5);
        addToCart(listing, 1);
        api.put("/api/v1/listings/" + listing + "/price", vendors.staffOf(vendor), egp(2_150_00), Map.of());

        Reply refused = checkout(UUID.randomUUID().toString());
        assertProblem(refused, 409, "PRICES_CHANGED");
        assertThat(refused.json().get("priceChanges").get(0).get("currentPrice").get("minorUnits").asLong())
                .isEqualTo(2_150_00);

        Reply confirmed = checkout(UUID.randomUUID().toString());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
    }

    @Test
    void badCartInputIsRefusedAndWritesNothing() {
        String vendor = vendors.approved("Picky Parts", "EG", "EGP");
        String listing = published(vendor, "Air filter", 120_00, 2);
        String draft = draft(vendor, "Unpublished filter", 120_00, 2);
        String saudi = vendors.approved("Jeddah Parts", "SA", "SAR");
        String riyal = published(saudi, "Headlight", 300_00, 2, "SAR");

        assertInvalidField(problems.writesNothing(() -> addToCart(listing, 0)), "quantity");
        assertInvalidField(problems.writesNothing(() -> api.post("/api/v1/cart/lines", customer,
                Map.of("listingId", "not-an-id", "quantity", 1))), "listingId");
        assertProblem(problems.writesNothing(() -> addToCart(listing, 3)), 409, "QUANTITY_ABOVE_STOCK");
        assertProblem(problems.writesNothing(() -> addToCart(draft, 1)), 409, "LISTING_NOT_ON_SALE");
        assertProblem(problems.writesNothing(() -> checkout(UUID.randomUUID().toString())), 409, "EMPTY_CART");

        addToCart(listing, 1);
        assertProblem(problems.writesNothing(() -> addToCart(riyal, 1)), 422, "CURRENCY_MISMATCH");
        assertInvalidField(problems.writesNothing(() -> api.post("/api/v1/cart/checkout", customer,
                Map.of("address", Map.of("recipient", "Mona"), "payment", SANDBOX_APPROVE), Map.of("Idempotency-Key", "k-" + UUID.randomUUID()))),
                "address.line1");
        Map<String, Object> paris = new HashMap<>(HELIOPOLIS);
        paris.put("country", "FR");
        assertProblem(problems.writesNothing(() -> api.post("/api/v1/cart/checkout", customer,
                Map.of("address", paris, "payment", SANDBOX_APPROVE), Map.of("Idempotency-Key", "k-" + UUID.randomUUID()))),
                422, "COUNTRY_NOT_SERVED");
        assertProblem(problems.writesNothing(() -> api.post("/api/v1/cart/lines", vendors.staffOf(vendor),
                Map.of("listingId", listing, "quantity", 1))), 403, "FORBIDDEN");
    }

    private Reply addToCart(String listingId, int quantity) {
        return api.post("/api/v1/cart/lines", customer, Map.of("listingId", listingId, "quantity", quantity));
    }

    private Reply checkout(String key) {
        return api.post("/api/v1/cart/checkout", customer, Map.of("address", HELIOPOLIS, "payment", SANDBOX_APPROVE),
                Map.of("Idempotency-Key", key));
    }

    private String published(String vendorId, String title, long price, int stock) {
        return published(vendorId, title, price, stock, "EGP");
    }

    private String published(String vendorId, String title, long price, int stock, String currency) {
        String listingId = draft(vendorId, title, price, stock, currency);
        Reply publish = api.post("/api/v1/listings/" + listingId + "/publication", vendors.staffOf(vendorId), null);
        assertThat(publish.status()).as(publish.toString()).isEqualTo(202);
        return listingId;
    }

    private String draft(String vendorId, String title, long price, int stock) {
        return draft(vendorId, title, price, stock, "EGP");
    }

    private String draft(String vendorId, String title, long price, int stock, String currency) {
        Reply drafted = api.post("/api/v1/vendors/" + vendorId + "/listings", vendors.staffOf(vendorId),
                Map.of("category", "spare-parts", "title", Map.of("en", title),
                        "price", Map.of("minorUnits", price, "currency", currency), "stock", stock),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        return drafted.json().get("listingId").asString();
    }

    private static Map<String, Object> egp(long piastres) {
        return Map.of("minorUnits", piastres, "currency", "EGP");
    }
}
