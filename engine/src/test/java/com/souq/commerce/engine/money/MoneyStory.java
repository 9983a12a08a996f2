package com.souq.commerce.engine.money;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One customer's money story over HTTP: vendors with their plans, listings, a cart paid at checkout, vendor steps,
 * refunds, and the journal, wallets and earnings read back through the API.
 */
final class MoneyStory {

    static final Duration EVENTUALLY = Duration.ofSeconds(20);
    static final Map<String, Object> HELIOPOLIS = Map.of("recipient", "Mona Adel", "phone", "+201001234567",
            "line1", "12 Baghdad St", "city", "Cairo", "postalCode", "11341", "country", "EG");

    final Api api;
    final Vendors vendors;
    final Journal journal;
    final String customerSubject;
    final String customer;
    final String auditor;

    MoneyStory(Api api, Journal journal) {
        this.api = api;
        this.vendors = new Vendors(api);
        this.journal = journal;
        this.customerSubject = "customer-" + UUID.randomUUID();
        this.customer = api.token(customerSubject, "CUSTOMER");
        this.auditor = api.token("auditor-1", "AUDITOR");
    }

    record Line(String account, long debit, long credit) {
    }

    static Line line(String account, long debit, long credit) {
        return new Line(account, debit, credit);
    }

    String vendor(String name, Map<String, Object> plan) {
        String vendorId = vendors.approved(name, "EG", "EGP");
        Reply reply = api.put("/api/v1/vendors/" + vendorId + "/commission-plan", api.token("admin-money", "ADMIN"),
                plan, Map.of());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        return vendorId;
    }

    String published(String vendorId, String category, String title, long price) {
        Reply drafted = api.post("/api/v1/vendors/" + vendorId + "/listings", vendors.staffOf(vendorId),
                Map.of("category", category, "title", Map.of("en", title),
                        "price", Map.of("minorUnits", price, "currency", "EGP"), "stock", 10),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String listingId = drafted.json().get("listingId").asString();
        Reply publish = api.post("/api/v1/listings/" + listingId + "/publication", vendors.staffOf(vendorId), null);
        assertThat(publish.status()).as(publish.toString()).isEqualTo(202);
        return listingId;
    }

    void addToCart(String listingId, int quantity) {
        Reply added = api.post("/api/v1/cart/lines", customer, Map.of("listingId", listingId, "quantity", quantity));
        assertThat(added.status()).as(added.toString()).isEqualTo(202);
    }

    /** Checks out with the sandbox (and part from the wallet when {@code payment} says so); waits until paid. */
    String checkout(Map<String, Object> payment) {
        Reply placed = api.post("/api/v1/cart/checkout", customer, Map.of("address", HELIOPOLIS, "payment", payment),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.json().get("orderId").asString();
        await().atMost(EVENTUALLY).until(() -> journal.events(orderId).contains("OrderPaidEvent"));
        return orderId;
    }

    static String share(String orderId, String vendorId) {
        return VendorOrderId.of(OrderId.of(orderId), VendorId.of(vendorId)).value();
    }

    void act(String vendorOrderId, String vendorId, String step, Object body) {
        awaitShare(vendorOrderId);
        Reply reply = api.post("/api/v1/vendor-orders/" + vendorOrderId + "/" + step, vendors.staffOf(vendorId),
                body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
    }

    void awaitShare(String vendorOrderId) {
        await().atMost(EVENTUALLY).until(() -> journal.events(vendorOrderId).contains("VendorOrderCreatedEvent"));
    }

    Reply requestRefund(String vendorOrderId, Map<String, Object> request) {
        awaitShare(vendorOrderId);
        return api.post("/api/v1/vendor-orders/" + vendorOrderId + "/refunds", customer, request,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    String refundRequested(String vendorOrderId, Map<String, Object> request) {
        Reply reply = requestRefund(vendorOrderId, request);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("refundId").asString();
    }

    Reply approveRefund(String vendorOrderId, String vendorId, String refundId) {
        return api.post("/api/v1/vendor-orders/" + vendorOrderId + "/refunds/" + refundId + "/approval",
                vendors.staffOf(vendorId), null, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    JsonNode awaitRefund(String refundId, String status) {
        await().atMost(EVENTUALLY).until(() -> {
            Reply reply = api.get("/api/v1/refunds/" + refundId, customer);
            return reply.status() == 200 && reply.json().get("status").asString().equals(status);
        });
        return api.get("/api/v1/refunds/" + refundId, customer).json();
    }

    List<JsonNode> entries(String orderId) {
        Reply trail = api.get("/api/v1/orders/" + orderId + "/money-trail", customer);
        if (trail.status() == 404) {
            return List.of();
        }
        assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        trail.json().get("entries").forEach(entries::add);
        return entries;
    }

    Map<String, JsonNode> byOperation(String orderId) {
        Map<String, JsonNode> byOperation = new LinkedHashMap<>();
        entries(orderId).forEach(entry -> byOperation.put(entry.get("operation").asString(), entry));
        return byOperation;
    }

    JsonNode awaitEntry(String orderId, String operation) {
        await().atMost(EVENTUALLY).until(() -> byOperation(orderId).containsKey(operation));
        return byOperation(orderId).get(operation);
    }

    static List<Line> lines(JsonNode entry) {
        assertThat(entry).as("journal entry").isNotNull();
        List<Line> lines = new ArrayList<>();
        entry.get("lines").forEach(line -> lines.add(new Line(line.get("account").asString(),
                line.get("debit").get("minorUnits").asLong(), line.get("credit").get("minorUnits").asLong())));
        return lines;
    }

    /** What the order's entries moved on each account, debit-positive (debits − credits), in minor units. */
    Map<String, Long> orderBalances(String orderId) {
        Map<String, Long> balances = new LinkedHashMap<>();
        for (JsonNode entry : entries(orderId)) {
            for (Line line : lines(entry)) {
                balances.merge(line.account(), line.debit() - line.credit(), Long::sum);
            }
        }
        balances.values().removeIf(balance -> balance == 0);
        return balances;
    }

    void assertTrialBalanceIsZero() {
        Reply reply = api.get("/api/v1/ledger/trial-balance?currency=EGP&size=1", auditor);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode trial = reply.json();
        assertThat(trial.get("balanced").asBoolean()).isTrue();
        assertThat(trial.get("totals").get(0).get("balance").get("minorUnits").asLong()).isZero();
    }

    long walletBalance(String token) {
        Reply reply = api.get("/api/v1/wallets/me?currency=EGP", token);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("balance").get("minorUnits").asLong();
    }
}
