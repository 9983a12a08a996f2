package com.souq.commerce.engine.account;

import static com.souq.commerce.engine.account.AccountSteps.STRONG_PASSWORD;
import static com.souq.commerce.engine.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.LocalMail;
import com.souq.commerce.engine.support.Vendors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A person's data export over HTTP: a customer who registered, saved an address and paid an order downloads one JSON
 * document with their account, order, payment, mails and events, and nothing of another customer's; support gets the
 * same document on their behalf; everyone else is refused.
 */
@EngineIntegrationTest
class PersonalDataExportTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    AccountSteps steps;
    Vendors vendors;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        steps = new AccountSteps(api);
        vendors = new Vendors(api);
    }

    record Shopper(String email, String token, String accountId, String street, String orderId, String paymentId,
                   String vendorOrderId, long grandTotal) {
    }

    @Test
    void aCustomerExportsEverythingHeldAboutThemAndNothingOfAnotherCustomer() {
        String listing = vendors.publishedBrakePads(vendors.approved("Export Parts", "EG", "EGP"), 350_00,
                20);
        Shopper mona = paidOrder("mona", listing);
        Shopper karim = paidOrder("karim", listing);

        Api.Reply reply = api.get("/api/v1/accounts/me/export", mona.token());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.header("Content-Disposition")).startsWith("attachment; filename=")
                .endsWith(".json\"").contains(mona.accountId());
        JsonNode export = reply.json();

        assertThat(export.get("subject").asString()).isEqualTo(mona.accountId());
        JsonNode account = export.get("account");
        assertThat(account.get("account_id").asString()).isEqualTo(mona.accountId());
        assertThat(account.get("email").asString()).isEqualTo(mona.email());
        assertThat(account.get("email_verified").asBoolean()).isTrue();
        assertThat(account.get("roles").get(0).asString()).isEqualTo("CUSTOMER");
        assertThat(account.get("addresses").get(0).get("line1").asString()).isEqualTo(mona.street());

        assertThat(export.get("orders")).hasSize(1);
        JsonNode order = export.get("orders").get(0);
        assertThat(order.get("order_id").asString()).isEqualTo(mona.orderId());
        assertThat(order.get("status").asString()).isEqualTo("PAID");
        assertThat(order.get("grand_total_minor").asLong()).isEqualTo(mona.grandTotal()).isEqualTo(798_00);
        assertThat(order.get("lines")).hasSize(1);
        assertThat(order.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(order.get("vendor_orders")).hasSize(1);
        assertThat(order.get("vendor_orders").get(0).get("lines")).hasSize(1);
        assertThat(order.get("timeline").valueStream().map(step -> step.get("event_type").asString()))
                .contains("OrderPlaced", "PaymentCaptured", "OrderPaid");
        assertThat(export.get("carts").get(0).get("last_order_id").asString()).isEqualTo(mona.orderId());

        assertThat(export.get("payments")).hasSize(1);
        JsonNode payment = export.get("payments").get(0);
        assertThat(payment.get("payment_id").asString()).isEqualTo(mona.paymentId());
        assertThat(payment.get("status").asString()).isEqualTo("CAPTURED");
        assertThat(payment.get("captured_minor").asLong()).isEqualTo(mona.grandTotal());

        assertThat(export.get("mails").valueStream().map(mail -> mail.get("recipient").asString()))
                .hasSizeGreaterThanOrEqualTo(2).allMatch(mona.email()::equalsIgnoreCase);
        assertThat(export.get("mails").valueStream()).allMatch(mail -> !mail.has("body"));

        List<JsonNode> events = export.get("events").valueStream().toList();
        assertThat(export.get("eventCount").asLong()).isEqualTo(events.size());
        List<Long> positions = events.stream().map(event -> event.get("position").asLong()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(position(events, "CustomerRegisteredEvent", mona.accountId()))
                .isLessThan(position(events, "AddressesChangedEvent", mona.accountId()))
                .isLessThan(position(events, "OrderPlacedEvent", mona.orderId()));
        assertThat(position(events, "OrderPlacedEvent", mona.orderId()))
                .isLessThan(position(events, "PaymentRequestedEvent", mona.paymentId()));
        assertThat(position(events, "PaymentRequestedEvent", mona.paymentId()))
                .isLessThan(position(events, "PaymentCapturedEvent", mona.paymentId()));
        assertThat(position(events, "PaymentCapturedEvent", mona.paymentId()))
                .isLessThan(position(events, "OrderPaidEvent", mona.orderId()));
        JsonNode placed = event(events, "OrderPlacedEvent", mona.orderId());
        assertThat(placed.get("payload").get("customerSubject").asString()).isEqualTo(mona.accountId());
        assertThat(placed.get("metadata").get("correlationId").asString()).isNotBlank();
        assertThat(placed.get("aggregateType").asString()).isEqualTo("Order");
        assertThat(placed.get("timestamp").asString()).isNotBlank();

        // every event of the person's own order, payment and account streams, exactly as the store holds them
        List<String> ownStreams = List.of(mona.accountId(), mona.orderId(), mona.paymentId());
        List<String> stored = jdbc.sql("""
                        SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier IN (:ids)
                         AND globalindex <= :last ORDER BY globalindex""")
                .param("ids", ownStreams).param("last", positions.getLast()).query(String.class).list();
        assertThat(events.stream().filter(event -> ownStreams.contains(event.get("aggregateId").asString()))
                .map(event -> event.get("eventId").asString()).toList()).isEqualTo(stored);

        String text = reply.raw().body();
        assertThat(text).doesNotContain(karim.email()).doesNotContain(karim.accountId())
                .doesNotContain(karim.orderId()).doesNotContain(karim.paymentId()).doesNotContain(karim.street());
        assertThat(text).doesNotContain("argon2").doesNotContain(STRONG_PASSWORD).doesNotContain("token_hash")
                .doesNotContain("password_hash");
    }

    @Test
    void supportExportsTheSameDocumentTheCustomerGetsWithRefundsAndWallet() {
        String vendor = vendors.approved("Export Support Parts", "EG", "EGP");
        Shopper mona = paidOrder("mona-support", vendors.publishedBrakePads(vendor, 350_00, 20));
        Api.Reply requested = api.post("/api/v1/vendor-orders/" + mona.vendorOrderId() + "/refunds", mona.token(),
                Map.of("amount", Map.of("minorUnits", 100_00, "currency", "EGP"), "destination", "CUSTOMER_WALLET",
                        "reason", "Late delivery"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String refundId = requested.json().get("refundId").asString();
        Api.Reply approved = api.post("/api/v1/vendor-orders/" + mona.vendorOrderId() + "/refunds/" + refundId
                + "/approval", vendors.staffOf(vendor), null, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(202);
        await().atMost(EVENTUALLY).until(() -> api.get("/api/v1/wallets/me?currency=EGP", mona.token()),
                reply -> reply.status() == 200 && reply.json().path("statement").path("items").size() == 1);
        String support = api.token("support-" + UUID.randomUUID(), "SUPPORT");
        String admin = api.token("admin-" + UUID.randomUUID(), "ADMIN");

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode own = withoutInstant(api.get("/api/v1/accounts/me/export", mona.token()));
            JsonNode onBehalf = withoutInstant(
                    api.get("/api/v1/support/accounts/" + mona.accountId() + "/export", support));
            assertThat(onBehalf).isEqualTo(own);
            assertThat(own.get("orders").get(0).get("order_id").asString()).isEqualTo(mona.orderId());
            assertThat(own.get("refunds").get(0).get("refund_id").asString()).isEqualTo(refundId);
            assertThat(own.get("refunds").get(0).get("status").asString()).isEqualTo("REFUNDED");
            assertThat(own.get("wallets").get(0).get("balance_minor").asLong()).isEqualTo(100_00);
            assertThat(own.get("walletMovements").get(0).get("movement_type").asString()).isEqualTo("DEPOSIT");
            String walletId = own.get("wallets").get(0).get("wallet_id").asString();
            assertThat(own.get("events").valueStream()
                    .filter(event -> event.get("aggregateId").asString().equals(walletId))
                    .map(event -> event.get("type").asString()))
                    .containsExactly("WalletOpenedEvent", "WalletDepositedEvent");
            assertThat(own.get("events").valueStream().map(event -> event.get("type").asString()))
                    .contains("RefundRequestedEvent", "RefundApprovedEvent", "PaymentRefundedEvent");
        });
        Api.Reply byAdmin = api.get("/api/v1/support/accounts/" + mona.accountId() + "/export", admin);
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
        assertThat(byAdmin.json().get("account").get("email").asString()).isEqualTo(mona.email());
    }

    @Test
    void onlyThePersonSupportAndAdministratorsMayExport() {
        String email = steps.verifiedCustomer("export-refused", "en");
        String customer = steps.accessToken(email, STRONG_PASSWORD);
        String other = steps.verifiedCustomer("export-other", "en");
        String otherId = accountId(steps.accessToken(other, STRONG_PASSWORD));
        String supportPath = "/api/v1/support/accounts/" + otherId + "/export";

        assertProblem(api.get(supportPath, customer), 403, "FORBIDDEN");
        assertProblem(api.get(supportPath, api.token("auditor-1", "AUDITOR")), 403, "FORBIDDEN");
        assertProblem(api.get(supportPath, api.token("analyst-1", "ANALYST")), 403, "FORBIDDEN");
        assertProblem(api.get("/api/v1/accounts/me/export", api.token("auditor-1", "AUDITOR")), 403, "FORBIDDEN");
        assertProblem(api.get("/api/v1/accounts/me/export", api.token("analyst-1", "ANALYST")), 403, "FORBIDDEN");
        assertProblem(api.get(supportPath, null), 401, "UNAUTHENTICATED");

        String support = api.token("support-1", "SUPPORT");
        assertProblem(api.get("/api/v1/support/accounts/" + UUID.randomUUID() + "/export", support), 404,
                "NOT_FOUND");
        assertProblem(api.get("/api/v1/support/accounts/not-an-account/export", support), 400,
                "INVALID_IDENTIFIER");
        // a token whose subject is no account (a development token) has nothing to export
        assertProblem(api.get("/api/v1/accounts/me/export", api.token("customer-without-account", "CUSTOMER")), 404,
                "NOT_FOUND");
    }

    private Shopper paidOrder(String name, String listing) {
        String email = steps.verifiedCustomer(name, "en");
        String token = steps.accessToken(email, STRONG_PASSWORD);
        String street = UUID.randomUUID().toString().substring(0, 8) + " Baghdad St";
        Map<String, Object> home = Map.of("label", "home", "recipient", "Mona Adel", "phone", "+201001234567",
                "line1", street, "city", "Cairo", "postalCode", "11341", "country", "EG");
        Api.Reply addresses = api.put("/api/v1/accounts/me/addresses", token, Map.of("addresses", List.of(home)),
                Map.of());
        assertThat(addresses.status()).as(addresses.toString()).isEqualTo(202);

        Api.Reply added = api.post("/api/v1/cart/lines", token, Map.of("listingId", listing, "quantity", 2));
        assertThat(added.status()).as(added.toString()).isEqualTo(202);
        Map<String, Object> shipTo = Map.of("recipient", "Mona Adel", "phone", "+201001234567", "line1", street,
                "city", "Cairo", "postalCode", "11341", "country", "EG");
        Api.Reply placed = api.post("/api/v1/cart/checkout", token, Map.of("address", shipTo,
                        "payment", Map.of("provider", "SANDBOX", "method", "approve")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.json().get("orderId").asString();

        JsonNode order = await().atMost(EVENTUALLY).until(() -> api.get("/api/v1/orders/" + orderId, token),
                reply -> reply.status() == 200 && "PAID".equals(reply.json().path("status").asString(""))
                        && reply.json().path("vendorOrders").size() == 1
                        && "CAPTURED".equals(reply.json().path("payment").path("status").asString(""))).json();
        LocalMail.awaitMail(email, 2);
        String accountId = accountId(token);
        await().atMost(EVENTUALLY).until(() -> api.get("/api/v1/accounts/me", token),
                reply -> reply.status() == 200 && reply.json().get("addresses").size() == 1);
        return new Shopper(email, token, accountId, street, orderId,
                order.get("payment").get("paymentId").asString(),
                order.get("vendorOrders").get(0).get("vendorOrderId").asString(),
                order.get("totals").get("grandTotal").get("minorUnits").asLong());
    }

    private String accountId(String token) {
        return await().atMost(EVENTUALLY).until(() -> api.get("/api/v1/accounts/me", token),
                reply -> reply.status() == 200).json().get("accountId").asString();
    }

    private static JsonNode withoutInstant(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        ObjectNode document = (ObjectNode) reply.json();
        document.remove("exportedAt");
        return document;
    }

    private static JsonNode event(List<JsonNode> events, String type, String aggregateId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode event : events) {
            if (event.get("type").asString().equals(type) && event.get("aggregateId").asString().equals(aggregateId)) {
                found.add(event);
            }
        }
        assertThat(found).as(type + " of " + aggregateId).hasSize(1);
        return found.getFirst();
    }

    private static long position(List<JsonNode> events, String type, String aggregateId) {
        return event(events, type, aggregateId).get("position").asLong();
    }
}
