package com.souq.commerce.engine.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Journal;
import com.souq.commerce.engine.support.Vendors;
import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.vendor.api.VendorId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The money of a paid three-vendor sandbox order over HTTP: the journal splits the capture per vendor share, a
 * rejected share is reversed and refunded to the card, a delivered share is released to its vendor's wallet once the return window passes
 * ({@value EngineIntegrationTest#RETURN_WINDOW} here), and the ledger balances throughout.
 *
 * <p>The figures, by hand (EGP, VAT 14 % on goods and shipping, commission on the goods only, VAT 14 % on it):
 * <pre>
 * Cairo Parts (plan 8 %, spare-parts 6 %): brake pads 2 x 350.00 = 700.00, seat cover 1 x 150.00 = 150.00,
 *   no shipping fee, VAT 98.00 + 21.00 = 119.00, share 969.00;
 *   commission 6 % of 700.00 = 42.00 + 8 % of 150.00 = 12.00 = 54.00; VAT on it 7.56; payable 907.44
 * Giza Tyres (plan 10 %): tyres 4 x 1,250.00 = 5,000.00, shipping 50.00, VAT 700.00 + 7.00, share 5,757.00;
 *   commission 500.00; VAT on it 70.00; payable 5,187.00
 * Delta Oils (plan 10 %): oil 3 x 99.99 = 299.97, no shipping fee, VAT 41.9958 -> 42.00, share 341.97;
 *   commission 29.997 -> 30.00; VAT on it 4.20; payable 307.77
 * grand total captured: 969.00 + 5,757.00 + 341.97 = 7,067.97
 * </pre>
 */
@EngineIntegrationTest
class MoneyFlowTest {

    private static final Map<String, Object> HELIOPOLIS = Map.of("recipient", "Mona Adel", "phone", "+201001234567",
            "line1", "12 Baghdad St", "city", "Cairo", "postalCode", "11341", "country", "EG");
    private static final Duration EVENTUALLY = Duration.ofSeconds(20);
    private static final Duration RETURN_WINDOW = Duration.parse("PT" + EngineIntegrationTest.RETURN_WINDOW);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Vendors vendors;
    Journal journal;
    String customerSubject;
    String customer;
    String auditor;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        vendors = new Vendors(api);
        journal = new Journal(jdbc);
        customerSubject = "customer-" + UUID.randomUUID();
        customer = api.token(customerSubject, "CUSTOMER");
        auditor = api.token("auditor-1", "AUDITOR");
    }

    @Test
    void aPaidOrderIsSplitPerVendorReversedWhenRejectedAndReleasedAfterTheReturnWindow() {
        String cairo = vendors.approved("Cairo Parts", "EG", "EGP");
        String giza = vendors.approved("Giza Tyres", "EG", "EGP");
        String delta = vendors.approved("Delta Oils", "EG", "EGP");
        commissionPlan(cairo, Map.of("defaultRate", 800, "categoryRates", Map.of("spare-parts", 600)));
        commissionPlan(giza, Map.of("defaultRate", 1_000));
        commissionPlan(delta, Map.of("defaultRate", 1_000));
        Reply shipping = api.put("/api/v1/vendors/" + giza + "/shipping-policy", vendors.staffOf(giza),
                Map.of("flatFee", Map.of("minorUnits", 50_00, "currency", "EGP")), Map.of());
        assertThat(shipping.status()).as(shipping.toString()).isEqualTo(202);
        addToCart(published(cairo, "spare-parts", "Brake pads", 350_00), 2);
        addToCart(published(cairo, "car-accessories", "Seat cover", 150_00), 1);
        addToCart(published(giza, "tyres-and-wheels", "Tyre 205/55 R16", 1_250_00), 4);
        addToCart(published(delta, "general", "Engine oil 5W-30", 99_99), 3);

        String orderId = checkout();
        String payment = PaymentId.forOrder(OrderId.of(orderId)).value();
        String cairoShare = share(orderId, cairo);
        String gizaShare = share(orderId, giza);
        String deltaShare = share(orderId, delta);

        await().atMost(EVENTUALLY).until(() -> entries(orderId).size() == 3);
        Map<String, JsonNode> captures = byOperation(entries(orderId));
        assertThat(lines(captures.get(Operations.captureShare(PaymentId.of(payment), VendorOrderId.of(cairoShare)))))
                .containsExactly(
                        line("gateway-clearing:sandbox", 969_00, 0),
                        line("vendor-payable:" + cairo, 0, 907_44),
                        line("platform-commission", 0, 54_00),
                        line("tax-payable:EG", 0, 7_56));
        assertThat(lines(captures.get(Operations.captureShare(PaymentId.of(payment), VendorOrderId.of(gizaShare)))))
                .containsExactly(
                        line("gateway-clearing:sandbox", 5_757_00, 0),
                        line("vendor-payable:" + giza, 0, 5_187_00),
                        line("platform-commission", 0, 500_00),
                        line("tax-payable:EG", 0, 70_00));
        assertThat(lines(captures.get(Operations.captureShare(PaymentId.of(payment), VendorOrderId.of(deltaShare)))))
                .containsExactly(
                        line("gateway-clearing:sandbox", 341_97, 0),
                        line("vendor-payable:" + delta, 0, 307_77),
                        line("platform-commission", 0, 30_00),
                        line("tax-payable:EG", 0, 4_20));
        captures.values().forEach(entry -> assertThat(debits(entry)).isEqualTo(credits(entry)));
        assertThat(captures.values().stream().mapToLong(MoneyFlowTest::debits).sum()).isEqualTo(7_067_97);
        assertThat(captures.get(Operations.captureShare(PaymentId.of(payment), VendorOrderId.of(cairoShare)))
                .get("details").get("commission.rate.spare-parts").asString()).isEqualTo("600");
        assertTrialBalanceIsZero();
        assertThat(earnings(cairo)).isEqualTo(new Earnings(907_44, 0));

        act(deltaShare, delta, "rejection", Map.of("reason", "Out of this grade"));
        await().atMost(EVENTUALLY).until(() -> byOperation(entries(orderId))
                .containsKey(Operations.shareReversal(VendorOrderId.of(deltaShare))));
        assertThat(lines(byOperation(entries(orderId)).get(Operations.shareReversal(VendorOrderId.of(deltaShare)))))
                .containsExactly(
                        line("vendor-payable:" + delta, 307_77, 0),
                        line("platform-commission", 30_00, 0),
                        line("tax-payable:EG", 4_20, 0),
                        line("refunds-clearing", 0, 341_97));
        assertThat(earnings(delta)).isEqualTo(new Earnings(0, 0));
        String deltaRefund = Operations.refund(RefundId.forWithdrawal(VendorOrderId.of(deltaShare)));
        await().atMost(EVENTUALLY).until(() -> byOperation(entries(orderId)).containsKey(deltaRefund));
        assertThat(lines(byOperation(entries(orderId)).get(deltaRefund))).as("refunded to the card automatically")
                .containsExactly(
                        line("refunds-clearing", 341_97, 0),
                        line("gateway-clearing:sandbox", 0, 341_97));

        act(cairoShare, cairo, "acceptance", null);
        act(cairoShare, cairo, "shipment", Map.of("carrier", "Aramex", "trackingReference", "AWB-778812"));
        Instant delivered = Instant.now();
        act(cairoShare, cairo, "delivery", null);
        assertThat(earnings(cairo)).as("the payable waits for the return window").isEqualTo(new Earnings(907_44, 0));

        String release = Operations.release(VendorOrderId.of(cairoShare));
        await().atMost(EVENTUALLY).until(() -> byOperation(entries(orderId)).containsKey(release));
        JsonNode released = byOperation(entries(orderId)).get(release);
        assertThat(lines(released)).containsExactly(
                line("vendor-payable:" + cairo, 907_44, 0),
                line("vendor-wallet:" + cairo, 0, 907_44));
        assertThat(Instant.parse(released.get("occurredAt").asString()))
                .isAfterOrEqualTo(delivered.plus(RETURN_WINDOW).minusMillis(1));
        await().atMost(EVENTUALLY).until(() -> earnings(cairo).equals(new Earnings(0, 907_44)));

        JsonNode wallet = awaitWallet(cairo, 907_44);
        assertThat(wallet.get("available").get("minorUnits").asLong()).isEqualTo(907_44);
        JsonNode movement = wallet.get("statement").get("items").get(0);
        assertThat(movement.get("type").asString()).isEqualTo("DEPOSIT");
        assertThat(movement.get("transactionId").asString())
                .isEqualTo(JournalEntryId.forOperation(release).value());
        assertThat(movement.get("balanceAfter").get("minorUnits").asLong()).isEqualTo(907_44);
        assertThat(journal.count(cairoShare, "VendorOrderDeliveredEvent")).isOne();
        assertThat(earnings(giza)).as("not delivered: still pending").isEqualTo(new Earnings(5_187_00, 0));
        assertThat(entries(orderId)).hasSize(6);
        assertTrialBalanceIsZero();
    }

    @Test
    void onlyTheOrdersCustomerStaffAndTheVendorsOwnStaffReadTheMoney() {
        String cairo = vendors.approved("Cairo Parts", "EG", "EGP");
        String other = vendors.approved("Other Parts", "EG", "EGP");
        addToCart(published(cairo, "spare-parts", "Brake pads", 350_00), 1);
        String orderId = checkout();
        await().atMost(EVENTUALLY).until(() -> entries(orderId).size() == 1);

        String stranger = api.token("customer-" + UUID.randomUUID(), "CUSTOMER");
        assertThat(api.get("/api/v1/orders/" + orderId + "/money-trail", stranger).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/orders/" + orderId + "/money-trail", api.token("support-1", "SUPPORT")).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/vendors/" + cairo + "/earnings", vendors.staffOf(other)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/vendors/" + cairo + "/earnings", auditor).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/ledger/trial-balance", customer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/ledger/trial-balance", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/wallets/me?currency=EGP", auditor).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/wallets/me?currency=egp", customer).status()).isEqualTo(400);
        JsonNode empty = api.get("/api/v1/wallets/me?currency=EGP", customer).json();
        assertThat(empty.get("balance").get("minorUnits").asLong()).isZero();
        assertThat(empty.get("statement").get("totalItems").asLong()).isZero();
    }

    private record Line(String account, long debit, long credit) {
    }

    private record Earnings(long pending, long available) {
    }

    private static Line line(String account, long debit, long credit) {
        return new Line(account, debit, credit);
    }

    private List<JsonNode> entries(String orderId) {
        Reply trail = api.get("/api/v1/orders/" + orderId + "/money-trail", customer);
        if (trail.status() == 404) {
            return List.of();
        }
        assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        trail.json().get("entries").forEach(entries::add);
        return entries;
    }

    private static Map<String, JsonNode> byOperation(List<JsonNode> entries) {
        Map<String, JsonNode> byOperation = new LinkedHashMap<>();
        entries.forEach(entry -> byOperation.put(entry.get("operation").asString(), entry));
        return byOperation;
    }

    private static List<Line> lines(JsonNode entry) {
        assertThat(entry).as("journal entry").isNotNull();
        List<Line> lines = new ArrayList<>();
        entry.get("lines").forEach(line -> lines.add(new Line(line.get("account").asString(),
                line.get("debit").get("minorUnits").asLong(), line.get("credit").get("minorUnits").asLong())));
        return lines;
    }

    private static long debits(JsonNode entry) {
        return lines(entry).stream().mapToLong(Line::debit).sum();
    }

    private static long credits(JsonNode entry) {
        return lines(entry).stream().mapToLong(Line::credit).sum();
    }

    private void assertTrialBalanceIsZero() {
        Reply reply = api.get("/api/v1/ledger/trial-balance?currency=EGP&size=1", auditor);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode trial = reply.json();
        assertThat(trial.get("balanced").asBoolean()).isTrue();
        JsonNode egp = trial.get("totals").get(0);
        assertThat(egp.get("balance").get("minorUnits").asLong()).isZero();
        assertThat(egp.get("debits").get("minorUnits").asLong())
                .isEqualTo(egp.get("credits").get("minorUnits").asLong()).isPositive();
    }

    private Earnings earnings(String vendorId) {
        Reply reply = api.get("/api/v1/vendors/" + vendorId + "/earnings", vendors.staffOf(vendorId));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        for (JsonNode earnings : reply.json().get("earnings")) {
            if (earnings.get("currency").asString().equals("EGP")) {
                assertThat(earnings.get("paidOut").get("minorUnits").asLong()).isZero();
                return new Earnings(earnings.get("pending").get("minorUnits").asLong(),
                        earnings.get("available").get("minorUnits").asLong());
            }
        }
        return new Earnings(0, 0);
    }

    private JsonNode awaitWallet(String vendorId, long balance) {
        String staff = vendors.staffOf(vendorId);
        await().atMost(EVENTUALLY).until(() -> api.get("/api/v1/wallets/me?currency=EGP", staff).json()
                .get("balance").get("minorUnits").asLong() == balance);
        Reply reply = api.get("/api/v1/wallets/me?currency=EGP&page=0&size=10", staff);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("ownerId").asString()).isEqualTo(vendorId);
        return reply.json();
    }

    private void commissionPlan(String vendorId, Map<String, Object> plan) {
        Reply reply = api.put("/api/v1/vendors/" + vendorId + "/commission-plan", api.token("admin-money", "ADMIN"),
                plan, Map.of());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
    }

    private void act(String vendorOrderId, String vendorId, String step, Object body) {
        await().atMost(EVENTUALLY).until(() -> journal.events(vendorOrderId).contains("VendorOrderCreatedEvent"));
        Reply reply = api.post("/api/v1/vendor-orders/" + vendorOrderId + "/" + step, vendors.staffOf(vendorId),
                body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
    }

    private static String share(String orderId, String vendorId) {
        return VendorOrderId.of(OrderId.of(orderId), VendorId.of(vendorId)).value();
    }

    private void addToCart(String listingId, int quantity) {
        Reply added = api.post("/api/v1/cart/lines", customer, Map.of("listingId", listingId, "quantity", quantity));
        assertThat(added.status()).as(added.toString()).isEqualTo(202);
    }

    private String checkout() {
        Reply placed = api.post("/api/v1/cart/checkout", customer, Map.of("address", HELIOPOLIS,
                        "payment", Map.of("provider", "SANDBOX", "method", "approve")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.json().get("orderId").asString();
        await().atMost(EVENTUALLY).until(() -> journal.events(orderId).contains("OrderPaidEvent"));
        return orderId;
    }

    private String published(String vendorId, String category, String title, long price) {
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
}
