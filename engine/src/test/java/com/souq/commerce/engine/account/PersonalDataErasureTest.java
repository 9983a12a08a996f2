package com.souq.commerce.engine.account;

import static com.souq.commerce.engine.account.AccountSteps.STRONG_PASSWORD;
import static com.souq.commerce.engine.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.souq.commerce.engine.operations.ProcessorAdmin;
import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Vendors;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
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
 * Erasure by crypto-shredding, over HTTP: a customer with a profile, an address, a paid order they cancelled with a
 * reason of their own, is erased on their request. Their personal texts are never in the event store in the clear;
 * after the erasure every view (account, order, vendor order, timeline, export, audit history) shows them erased
 * while ids, amounts and the ledger stay, and a full rebuild of the read models and of the search index brings none of
 * them back.
 */
@EngineIntegrationTest
class PersonalDataErasureTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final String ERASED = "[erased]";
    private static final List<String> READ_MODELS_WITH_PERSONAL_DATA =
            List.of("accounts", "orders", "vendor-orders", "order-timeline", "refunds");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ElasticsearchClient elasticsearch;

    Api api;
    AccountSteps steps;
    Vendors vendors;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        steps = new AccountSteps(api);
        vendors = new Vendors(api);
    }

    /** What the person wrote about themselves, each unique to this run. */
    record Person(String email, String name, String phone, String street, String reason) {
        List<String> texts() {
            return List.of(email, name, phone, street, reason);
        }
    }

    @Test
    void anErasedCustomerIsErasedEverywhereWhileIdsAmountsAndTheLedgerStay() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person mona = new Person(AccountSteps.newEmail("erase-" + tag), "Mona Erasable " + tag,
                "+2010" + tag.replaceAll("[^0-9]", "7").substring(0, 7) + "1", tag + " Qasr El Nil St",
                "My cousin " + tag + " sells them cheaper");
        String vendor = vendors.approved("Erasure Parts " + tag, "EG", "EGP");
        String listing = vendors.publishedBrakePads(vendor, 350_00, 20);

        Api.Reply registered = steps.register(mona.email(), STRONG_PASSWORD, "en");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(202);
        steps.verify(com.souq.commerce.engine.support.LocalMail.awaitMail(mona.email(), 1).token());
        String token = steps.accessToken(mona.email(), STRONG_PASSWORD);
        String accountId = await().atMost(EVENTUALLY).until(() -> api.get("/api/v1/accounts/me", token),
                reply -> reply.status() == 200).json().get("accountId").asString();
        Api.Reply profile = api.put("/api/v1/accounts/me/profile", token,
                Map.of("displayName", mona.name(), "phone", mona.phone(), "language", "ar"), Map.of());
        assertThat(profile.status()).as(profile.toString()).isEqualTo(202);
        Map<String, Object> home = Map.of("label", "home", "recipient", mona.name(), "phone", mona.phone(),
                "line1", mona.street(), "city", "Cairo", "postalCode", "11511", "country", "EG");
        assertThat(api.put("/api/v1/accounts/me/addresses", token, Map.of("addresses", List.of(home)), Map.of())
                .status()).isEqualTo(202);

        String orderId = paidThenCancelled(token, listing, mona);
        JsonNode order = api.get("/api/v1/orders/" + orderId, token).json();
        assertThat(order.get("shippingAddress").get("line1").asString()).isEqualTo(mona.street());
        long grandTotal = order.get("totals").get("grandTotal").get("minorUnits").asLong();

        // Sealed in the store from the start: the texts are nowhere in the clear, though every view shows them.
        assertThat(storedEventsContaining(mona.texts())).as("events holding a personal text in the clear").isEmpty();
        assertThat(api.get("/api/v1/accounts/me", token).json().get("email").asString()).isEqualTo(mona.email());

        String auditor = api.token("auditor-erasure-" + tag, "AUDITOR");
        Instant beforeErasure = Instant.now();
        JsonNode trialBalanceBefore = trialBalance(beforeErasure, auditor);
        List<String> ledgerOfTheOrder = ledgerLinesOf(orderId);
        assertThat(ledgerOfTheOrder).isNotEmpty();

        // Only the person (with their password), support or an administrator may erase.
        assertProblem(api.post("/api/v1/accounts/me/erasure", token, Map.of("password", "wrong-" + tag)), 403,
                "WRONG_PASSWORD");
        assertProblem(api.post("/api/v1/support/accounts/" + accountId + "/erasure", auditor, null), 403,
                "FORBIDDEN");
        assertProblem(api.post("/api/v1/support/accounts/" + accountId + "/erasure",
                api.token("customer-" + tag, "CUSTOMER"), null), 403, "FORBIDDEN");
        assertThat(api.get("/api/v1/accounts/me", token).json().get("email").asString()).isEqualTo(mona.email());

        Api.Reply erased = api.post("/api/v1/accounts/me/erasure", token, Map.of("password", STRONG_PASSWORD));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().get("status").asString()).isEqualTo("ERASED");
        assertThat(jdbc.sql("SELECT wrapped_key IS NULL AND erased_at IS NOT NULL FROM personal_data_keys "
                + "WHERE subject = :s").param("s", accountId).query(Boolean.class).single()).isTrue();
        // repeating it changes nothing; the erased person can no longer sign in nor change anything
        String support = api.token("support-erasure-" + tag, "SUPPORT");
        assertThat(api.post("/api/v1/support/accounts/" + accountId + "/erasure", support, null).status())
                .isEqualTo(200);
        assertProblem(steps.signIn(mona.email(), STRONG_PASSWORD), 401, "INVALID_CREDENTIALS");
        assertProblem(api.put("/api/v1/accounts/me/profile", token,
                Map.of("displayName", "Back again", "language", "en"), Map.of()), 404, "NOT_FOUND");

        await().atMost(EVENTUALLY).untilAsserted(() -> assertErasedInEveryView(mona, accountId, orderId, token,
                support, auditor));
        assertThat(api.get("/api/v1/orders/" + orderId, token).json().get("totals").get("grandTotal")
                .get("minorUnits").asLong()).isEqualTo(grandTotal);
        assertThat(ledgerLinesOf(orderId)).isEqualTo(ledgerOfTheOrder);
        assertThat(trialBalance(beforeErasure, auditor)).isEqualTo(trialBalanceBefore);

        // A full rebuild after the erasure: read models from the events, the search index from the events.
        ProcessorAdmin admin = new ProcessorAdmin(port, jdbc);
        for (String readModel : READ_MODELS_WITH_PERSONAL_DATA) {
            admin.awaitCaughtUp(readModel);
            admin.rebuild(readModel);
            admin.awaitRebuildFinished(readModel);
        }
        String admin1 = api.token("admin-erasure-" + tag, "ADMIN");
        Api.Reply searchRebuild = api.post("/api/v1/admin/search/listings/rebuild", admin1, null);
        assertThat(searchRebuild.status()).as(searchRebuild.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).until(
                () -> api.get("/api/v1/admin/search/listings/rebuild", admin1).json().path("state").asString(""),
                state -> state.equals("COMPLETED"));

        assertErasedInEveryView(mona, accountId, orderId, token, support, auditor);
        assertThat(tablesContaining(mona.texts())).as("read-model tables holding a personal text").isEmpty();
        elasticsearch.indices().refresh();
        for (String text : mona.texts()) {
            assertThat(elasticsearch.search(search -> search.index("*").query(query -> query
                    .multiMatch(match -> match.query(text).fields("*"))), JsonNode.class).hits().total().value())
                    .as("search documents matching %s", text).isZero();
        }
        assertThat(ledgerLinesOf(orderId)).isEqualTo(ledgerOfTheOrder);
        assertThat(trialBalance(beforeErasure, auditor)).isEqualTo(trialBalanceBefore);
    }

    @Test
    void aCustomerWithAnOrderUnderWayIsNotErasedYet() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = steps.verifiedCustomer("erase-open-" + tag, "en");
        String token = steps.accessToken(email, STRONG_PASSWORD);
        String vendor = vendors.approved("Erasure Open Parts " + tag, "EG", "EGP");
        String listing = vendors.publishedBrakePads(vendor, 350_00, 20);
        assertThat(api.post("/api/v1/cart/lines", token, Map.of("listingId", listing, "quantity", 1)).status())
                .isEqualTo(202);
        Api.Reply placed = api.post("/api/v1/cart/checkout", token, Map.of("address", Map.of("recipient",
                        "Karim " + tag, "phone", "+201001234567", "line1", "1 Tahrir Sq", "city", "Cairo",
                        "country", "EG"),
                "payment", Map.of("provider", "SANDBOX", "method", "approve")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.json().get("orderId").asString();
        await().atMost(EVENTUALLY).until(() -> api.get("/api/v1/orders/" + orderId, token),
                reply -> reply.status() == 200 && "PAID".equals(reply.json().path("status").asString("")));

        assertProblem(api.post("/api/v1/accounts/me/erasure", token, Map.of("password", STRONG_PASSWORD)), 409,
                "ERASURE_BLOCKED_BY_OPEN_ORDERS");
        assertThat(steps.signIn(email, STRONG_PASSWORD).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/accounts/me", token).json().get("email").asString()).isEqualTo(email);
        String administrator = api.token("admin-erase-open-" + tag, "ADMIN");
        assertProblem(api.post("/api/v1/support/accounts/" + UUID.randomUUID() + "/erasure", administrator, null),
                404, "NOT_FOUND");
        assertProblem(api.post("/api/v1/support/accounts/not-an-account/erasure", administrator, null), 400,
                "INVALID_IDENTIFIER");
    }

    private void assertErasedInEveryView(Person person, String accountId, String orderId, String token,
                                         String support, String auditor) {
        JsonNode account = api.get("/api/v1/accounts/" + accountId, support).json();
        assertThat(account.get("email").asString()).isEqualTo(ERASED);
        assertThat(account.get("displayName").asString()).isEqualTo(ERASED);
        assertThat(account.get("phone").asString()).isEqualTo(ERASED);
        JsonNode address = account.get("addresses").get(0);
        assertThat(address.get("line1").asString()).isEqualTo(ERASED);
        assertThat(address.get("country").asString()).isEqualTo("EG");

        JsonNode order = api.get("/api/v1/orders/" + orderId, support).json();
        assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.get("shippingAddress").get("recipient").asString()).isEqualTo(ERASED);
        assertThat(order.get("shippingAddress").get("line1").asString()).isEqualTo(ERASED);
        assertThat(order.get("shippingAddress").get("country").asString()).isEqualTo("EG");
        assertThat(order.get("cancellation").get("reason").asString()).isEqualTo(ERASED);
        assertThat(order.get("timeline").valueStream().map(entry -> entry.get("description").asString()))
                .anyMatch(description -> description.contains(": " + ERASED))
                .noneMatch(description -> description.contains(person.reason()));
        String vendorOrderId = order.get("vendorOrders").get(0).get("vendorOrderId").asString();
        JsonNode vendorOrder = api.get("/api/v1/vendor-orders/" + vendorOrderId, support).json();
        assertThat(vendorOrder.get("shippingAddress").get("line1").asString()).as(vendorOrder.toString())
                .isEqualTo(ERASED);

        Api.Reply export = api.get("/api/v1/support/accounts/" + accountId + "/export", support);
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.raw().body()).contains(ERASED).contains(orderId);
        person.texts().forEach(text -> assertThat(export.raw().body()).doesNotContain(text));
        assertThat(export.json().get("events").valueStream()
                .filter(event -> event.get("type").asString().equals("CustomerRegisteredEvent"))
                .map(event -> event.get("payload").get("email").asString())).containsExactly(ERASED);

        Api.Reply history = api.get("/api/v1/audit/aggregates/" + orderId + "/events?size=500", auditor);
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        person.texts().forEach(text -> assertThat(history.raw().body()).doesNotContain(text));
        assertThat(history.raw().body()).contains(ERASED);
    }

    private String paidThenCancelled(String token, String listing, Person person) {
        assertThat(api.post("/api/v1/cart/lines", token, Map.of("listingId", listing, "quantity", 2)).status())
                .isEqualTo(202);
        Map<String, Object> shipTo = Map.of("recipient", person.name(), "phone", person.phone(),
                "line1", person.street(), "city", "Cairo", "postalCode", "11511", "country", "EG");
        Api.Reply placed = api.post("/api/v1/cart/checkout", token, Map.of("address", shipTo,
                        "payment", Map.of("provider", "SANDBOX", "method", "approve")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.json().get("orderId").asString();
        await().atMost(EVENTUALLY).until(() -> api.get("/api/v1/orders/" + orderId, token),
                reply -> reply.status() == 200 && "PAID".equals(reply.json().path("status").asString(""))
                        && reply.json().path("vendorOrders").size() == 1);
        Api.Reply cancelled = api.post("/api/v1/orders/" + orderId + "/cancellation", token,
                Map.of("reason", person.reason()));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(202);
        await().atMost(EVENTUALLY).until(() -> api.get("/api/v1/orders/" + orderId, token),
                reply -> "CANCELLED".equals(reply.json().path("status").asString(""))
                        && "REFUNDED".equals(reply.json().path("refunds").path(0).path("status").asString("")));
        return orderId;
    }

    /** The events holding one of the texts in the clear, as "payload type: text". */
    private List<String> storedEventsContaining(List<String> texts) {
        return texts.stream().flatMap(text -> jdbc.sql("""
                        SELECT payloadtype || ': ' || :text FROM domainevententry
                         WHERE position(convert_to(:text, 'UTF8') IN payload) > 0""")
                .param("text", text).query(String.class).list().stream()).toList();
    }

    /** Every table of the public schema whose rows, as text, hold one of the texts (the event store's bytes too). */
    private List<String> tablesContaining(List<String> texts) {
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'""")
                .query(String.class).list();
        return tables.stream().filter(table -> texts.stream().anyMatch(text -> jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM \"" + table + "\" t WHERE strpos(CAST(t AS text), :text) > 0)")
                .param("text", text).query(Boolean.class).single())).toList()
                .stream().filter(table -> !table.equals("domainevententry") || !storedEventsContaining(texts).isEmpty())
                .toList();
    }

    /** The trial balance as of an instant, replayed from the store (without how long the replay took). */
    private JsonNode trialBalance(Instant asOf, String auditor) {
        Api.Reply reply = api.get("/api/v1/audit/trial-balance?currency=EGP&asOf=" + asOf, auditor);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        ObjectNode trialBalance = (ObjectNode) reply.json();
        trialBalance.remove("replayMillis");
        return trialBalance;
    }

    private List<String> ledgerLinesOf(String orderId) {
        return jdbc.sql("""
                        SELECT l.account || ' ' || l.debit_minor || ' ' || l.credit_minor
                          FROM journal_lines l JOIN journal_entries e USING (entry_id)
                         WHERE e.order_id = :order ORDER BY 1""")
                .param("order", UUID.fromString(orderId)).query(String.class).list();
    }
}
