package com.souq.commerce.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.Journal;
import com.souq.commerce.engine.support.Vendors;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.vendor.api.VendorId;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders driven over HTTP as shoppers and vendors make them: approved vendors with a commission plan, published
 * listings, a customer's cart checked out and paid through the sandbox, vendor orders accepted, shipped, delivered or
 * rejected. Waits, with a deadline, for what the engine does in the background (payment, splitting, postings).
 */
public final class Shop {

    public static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final Map<String, Object> HELIOPOLIS = Map.of("recipient", "Mona Adel", "phone", "+201001234567",
            "line1", "12 Baghdad St", "city", "Cairo", "postalCode", "11341", "country", "EG");

    private final Api api;
    private final Vendors vendors;
    private final Journal journal;
    private final JdbcClient jdbc;

    public Shop(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
        this.vendors = new Vendors(api);
        this.journal = new Journal(jdbc);
    }

    /** An approved Egyptian vendor selling in EGP with the given plan (basis points). */
    public String vendor(String name, int defaultRate, Map<String, Integer> categoryRates) {
        String vendorId = vendors.approved(name, "EG", "EGP");
        Reply plan = api.put("/api/v1/vendors/" + vendorId + "/commission-plan", api.token("admin-shop", "ADMIN"),
                Map.of("defaultRate", defaultRate, "categoryRates", categoryRates), Map.of());
        assertThat(plan.status()).as(plan.toString()).isEqualTo(202);
        return vendorId;
    }

    public String listing(String vendorId, String category, String title, long price) {
        Reply drafted = api.post("/api/v1/vendors/" + vendorId + "/listings", vendors.staffOf(vendorId),
                Map.of("category", category, "title", Map.of("en", title),
                        "price", Map.of("minorUnits", price, "currency", "EGP"), "stock", 100),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String listingId = drafted.json().get("listingId").asString();
        Reply publish = api.post("/api/v1/listings/" + listingId + "/publication", vendors.staffOf(vendorId), null);
        assertThat(publish.status()).as(publish.toString()).isEqualTo(202);
        return listingId;
    }

    public void addToCart(String customer, String listingId, int quantity) {
        Reply added = api.post("/api/v1/cart/lines", customer, Map.of("listingId", listingId, "quantity", quantity));
        assertThat(added.status()).as(added.toString()).isEqualTo(202);
    }

    /** Checks the cart out with the given correlation id and waits until the order is paid; answers the order id. */
    public String checkoutPaid(String customer, String correlationId) {
        Reply placed = api.post("/api/v1/cart/checkout", customer, Map.of("address", HELIOPOLIS,
                        "payment", Map.of("provider", "SANDBOX", "method", "approve")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "X-Correlation-Id", correlationId));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.json().get("orderId").asString();
        await().atMost(EVENTUALLY).until(() -> journal.events(orderId).contains("OrderPaidEvent"));
        return orderId;
    }

    /**
     * Waits until the ledger projection holds at least {@code count} entries of the order (a rejected share's refund
     * adds its own entry once the provider paid it back).
     */
    public void awaitEntries(String orderId, int count) {
        await().atMost(EVENTUALLY).until(() -> jdbc.sql("SELECT count(*) FROM journal_entries WHERE order_id = :id")
                .param("id", UUID.fromString(orderId)).query(Long.class).single() >= count);
    }

    public void act(String vendorOrderId, String vendorId, String step, Object body) {
        await().atMost(EVENTUALLY).until(() -> journal.events(vendorOrderId).contains("VendorOrderCreatedEvent"));
        Reply reply = api.post("/api/v1/vendor-orders/" + vendorOrderId + "/" + step, vendors.staffOf(vendorId),
                body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
    }

    public static String share(String orderId, String vendorId) {
        return VendorOrderId.of(OrderId.of(orderId), VendorId.of(vendorId)).value();
    }

    public String staffOf(String vendorId) {
        return vendors.staffOf(vendorId);
    }
}
