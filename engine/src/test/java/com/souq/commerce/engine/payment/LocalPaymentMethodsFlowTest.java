package com.souq.commerce.engine.payment;

import static com.souq.commerce.engine.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.cart.api.CartId;
import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Journal;
import com.souq.commerce.engine.support.LocalPayments;
import com.souq.commerce.engine.support.Problems;
import com.souq.commerce.engine.support.Vendors;
import com.souq.commerce.infrastructure.localpayments.LocalPaymentsStub;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.vendor.api.VendorId;
import java.time.Duration;
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
 * The seed markets' local methods over HTTP, against the local aggregator stubs: a Vodafone Cash checkout paid by the
 * shopper's PIN and the aggregator's signed callback; a method that does not pay in the cart's currency refused at
 * checkout; cash-on-delivery orders delivered (captured, posted to {@code gateway-clearing:cash-on-delivery}) or
 * cancelled before delivery (no money).
 *
 * <p>Figures (EGP, VAT 14 %, Cairo Parts' plan 8 % with spare-parts 6 %, no shipping fee): brake pads 2 x 350.00 =
 * 700.00 + VAT 98.00 = share 798.00; commission 6 % of 700.00 = 42.00, VAT on it 5.88, payable 750.12. Giza Tyres
 * (plan 10 %): tyre 1 x 1,250.00 + VAT 175.00 = share 1,425.00.
 */
@EngineIntegrationTest
class LocalPaymentMethodsFlowTest {

    private static final Map<String, Object> HELIOPOLIS = Map.of("recipient", "Mona Adel", "phone", "+201001234567",
            "line1", "12 Baghdad St", "city", "Cairo", "postalCode", "11341", "country", "EG");
    private static final Duration EVENTUALLY = Duration.ofSeconds(20);
    private static final String CALLBACK = "/api/v1/payments/webhooks/vodafone-cash";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Vendors vendors;
    Journal journal;
    Problems problems;
    String customerSubject;
    String customer;
    String auditor;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        vendors = new Vendors(api);
        journal = new Journal(jdbc);
        problems = new Problems(jdbc);
        customerSubject = "customer-" + UUID.randomUUID();
        customer = api.token(customerSubject, "CUSTOMER");
        auditor = api.token("auditor-1", "AUDITOR");
    }

    @Test
    void aVodafoneCashCheckoutIsPaidWhenTheAggregatorsSignedCallbackSaysSo() {
        LocalPaymentsStub wallet = LocalPayments.stub("vodafone-cash");
        String cairo = cairoParts();
        addToCart(published(cairo, "spare-parts", "Brake pads", 350_00), 2);

        String orderId = checkout(Map.of("provider", "VODAFONE_CASH", "method", "01001234567"));
        PaymentId payment = PaymentId.forOrder(OrderId.of(orderId));
        await().atMost(EVENTUALLY).until(() -> journal.events(payment.value())
                .contains("PaymentActionRequiredEvent"));
        String reference = wallet.paymentFor(payment.value()).orElseThrow();
        await().atMost(EVENTUALLY).until(() -> api.get("/api/v1/orders/" + orderId + "/payment", customer)
                .status() == 200);
        JsonNode pending = api.get("/api/v1/orders/" + orderId + "/payment", customer).json();
        assertThat(pending.toString()).contains(wallet.baseUrl() + "/approve/" + reference);

        LocalPaymentsStub.SignedCallback forged = new LocalPaymentsStub.SignedCallback(
                wallet.callback(reference).body().replace("\"pending\"", "\"paid\""),
                LocalPaymentsStub.signature("{}", wallet.callbackSecret()));
        assertProblem(problems.writesNothing(() -> deliver(forged)), 400, "INVALID_SIGNATURE");

        wallet.approve(reference);
        LocalPaymentsStub.SignedCallback paid = wallet.callback(reference);
        Reply recorded = deliver(paid);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.json().get("outcome").asString()).isEqualTo("recorded");

        await().atMost(EVENTUALLY).until(() -> journal.events(orderId).contains("OrderPaidEvent"));
        assertThat(journal.events(payment.value())).containsExactly("PaymentRequestedEvent",
                "PaymentActionRequiredEvent", "PaymentAuthorizedEvent", "PaymentCaptureRequestedEvent",
                "PaymentCapturedEvent");
        assertThat(wallet.status(reference)).isEqualTo("paid");
        assertThat(wallet.refunded(reference)).isZero();

        Reply again = problems.writesNothing(() -> deliver(paid));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asString()).isEqualTo("ignored");
        assertThat(journal.events(payment.value())).hasSize(5);

        String share = share(orderId, cairo);
        await().atMost(EVENTUALLY).until(() -> entries(orderId).size() == 1);
        assertThat(lines(byOperation(entries(orderId)).get(Operations.captureShare(payment, VendorOrderId.of(share)))))
                .containsExactly(
                        line("gateway-clearing:vodafone-cash", 798_00, 0),
                        line("vendor-payable:" + cairo, 0, 750_12),
                        line("platform-commission", 0, 42_00),
                        line("tax-payable:EG", 0, 5_88));
        assertTrialBalanceIsZero();
    }

    @Test
    void aShopperWhoseApprovalNeverReachedUsBeforeTheDeadlineGetsTheMoneyBackAndTheOrderIsCancelled() {
        LocalPaymentsStub instapay = LocalPayments.stub("instapay");
        String cairo = cairoParts();
        addToCart(published(cairo, "spare-parts", "Brake pads", 350_00), 1);

        String orderId = checkout(Map.of("provider", "INSTAPAY", "method", "mona.adel@instapay"));
        String payment = PaymentId.forOrder(OrderId.of(orderId)).value();
        await().atMost(EVENTUALLY).until(() -> journal.events(payment).contains("PaymentActionRequiredEvent"));
        String reference = instapay.paymentFor(payment).orElseThrow();
        instapay.approve(reference);

        await().atMost(EVENTUALLY).until(() -> journal.events(orderId).contains("OrderCancelledEvent"));
        await().atMost(EVENTUALLY).until(() -> instapay.refunded(reference) == 399_00);
        assertThat(instapay.status(reference)).isEqualTo("refunded");
        assertThat(journal.events(payment)).contains("PaymentCancelledEvent").doesNotContain("PaymentCapturedEvent");
        assertThat(api.get("/api/v1/orders/" + orderId + "/money-trail", customer).status()).isEqualTo(404);

        LocalPaymentsStub.SignedCallback late = instapay.callback(reference);
        Reply ignored = problems.writesNothing(() -> api.send("POST", "/api/v1/payments/webhooks/instapay", null,
                late.body(), Map.of("X-Signature", late.signature())));
        assertThat(ignored.status()).isEqualTo(200);
        assertThat(ignored.json().get("detail").asString()).isEqualTo("payment " + payment + " is CANCELLED");
    }

    @Test
    void aMethodThatDoesNotPayInTheCartsCurrencyIsRefusedAtCheckoutAndChangesNothing() {
        String cairo = cairoParts();
        addToCart(published(cairo, "spare-parts", "Brake pads", 350_00), 1);

        Reply refused = problems.writesNothing(() -> api.post("/api/v1/cart/checkout", customer,
                Map.of("address", HELIOPOLIS, "payment", Map.of("provider", "MADA", "method", "tok_mada_4464040000")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())));

        assertProblem(refused, 422, "PAYMENT_METHOD_NOT_AVAILABLE");
        assertThat(refused.json().get("detail").asString()).isEqualTo("MADA pays in SAR only, not EGP");
        await().atMost(EVENTUALLY).until(() -> api.get("/api/v1/cart", customer).json().get("itemCount").asInt() == 1);
        assertThat(journal.events(CartId.ofCustomer(customerSubject).value())).doesNotContain("CartCheckedOutEvent");
    }

    @Test
    void cashOnDeliveryIsCapturedForTheDeliveredShareOnlyAndPostedFromCashOnDeliveryClearing() {
        String cairo = cairoParts();
        String giza = vendors.approved("Giza Tyres", "EG", "EGP");
        commissionPlan(giza, Map.of("defaultRate", 1_000));
        addToCart(published(cairo, "spare-parts", "Brake pads", 350_00), 2);
        addToCart(published(giza, "tyres-and-wheels", "Tyre 205/55 R16", 1_250_00), 1);

        String orderId = checkout(Map.of("provider", "CASH_ON_DELIVERY", "method", "cash"));
        String payment = PaymentId.forOrder(OrderId.of(orderId)).value();
        await().atMost(EVENTUALLY).until(() -> journal.events(orderId)
                .contains("OrderConfirmedForCashOnDeliveryEvent"));
        assertThat(journal.events(orderId)).doesNotContain("OrderPaidEvent");
        assertThat(journal.events(payment)).containsExactly("PaymentRequestedEvent", "PaymentAuthorizedEvent");
        await().atMost(EVENTUALLY).until(() -> "PAYMENT_ON_DELIVERY".equals(order(orderId).get("status")
                .asString()));
        assertThat(api.get("/api/v1/orders/" + orderId + "/money-trail", customer).status())
                .as("no money moved at checkout").isEqualTo(404);

        String cairoShare = share(orderId, cairo);
        String gizaShare = share(orderId, giza);
        act(gizaShare, giza, "rejection", Map.of("reason", "Out of this size"));
        act(cairoShare, cairo, "acceptance", null);
        act(cairoShare, cairo, "shipment", Map.of("carrier", "Aramex", "trackingReference", "AWB-1"));
        assertThat(journal.events(payment)).as("nothing captured before delivery").hasSize(2);
        act(cairoShare, cairo, "delivery", null);

        await().atMost(EVENTUALLY).until(() -> journal.events(payment).contains("PaymentCapturedEvent"));
        assertThat(capturedMinor(payment)).isEqualTo(798_00);
        await().atMost(EVENTUALLY).until(() -> byOperation(entries(orderId)).containsKey(
                Operations.captureShare(PaymentId.of(payment), VendorOrderId.of(cairoShare))));
        Map<String, JsonNode> entries = byOperation(entries(orderId));
        assertThat(lines(entries.get(Operations.captureShare(PaymentId.of(payment), VendorOrderId.of(cairoShare)))))
                .containsExactly(
                        line("gateway-clearing:cash-on-delivery", 798_00, 0),
                        line("vendor-payable:" + cairo, 0, 750_12),
                        line("platform-commission", 0, 42_00),
                        line("tax-payable:EG", 0, 5_88));
        assertThat(entries).doesNotContainKeys(
                Operations.captureShare(PaymentId.of(payment), VendorOrderId.of(gizaShare)),
                Operations.shareReversal(VendorOrderId.of(gizaShare)));
        await().atMost(EVENTUALLY).until(() -> "COMPLETED".equals(order(orderId).get("status").asString()));
        assertTrialBalanceIsZero();
    }

    @Test
    void aCashOnDeliveryOrderCancelledBeforeDeliveryMovesNoMoney() {
        String cairo = cairoParts();
        addToCart(published(cairo, "spare-parts", "Brake pads", 350_00), 1);
        String orderId = checkout(Map.of("provider", "CASH_ON_DELIVERY", "method", "cash"));
        String payment = PaymentId.forOrder(OrderId.of(orderId)).value();
        String share = share(orderId, cairo);
        await().atMost(EVENTUALLY).until(() -> journal.events(share).contains("VendorOrderCreatedEvent"));

        Reply cancelled = api.post("/api/v1/orders/" + orderId + "/cancellation", customer,
                Map.of("reason", "Found it nearer"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(202);

        await().atMost(EVENTUALLY).until(() -> journal.events(payment).contains("PaymentCancelledEvent"));
        await().atMost(EVENTUALLY).until(() -> journal.events(orderId).contains("OrderCancelledEvent"));
        assertThat(journal.events(payment)).doesNotContain("PaymentCaptureRequestedEvent", "PaymentCapturedEvent");
        assertThat(api.get("/api/v1/orders/" + orderId + "/money-trail", customer).status()).isEqualTo(404);
        await().atMost(EVENTUALLY).until(() -> "CANCELLED".equals(order(orderId).get("status").asString()));
        assertThat(jdbc.sql("SELECT cancelled_after_payment FROM orders WHERE order_id = :id::uuid")
                .param("id", orderId).query(Boolean.class).single()).as("the read model says no money was taken")
                .isFalse();
    }

    private Reply deliver(LocalPaymentsStub.SignedCallback callback) {
        return api.send("POST", CALLBACK, null, callback.body(), Map.of("X-Signature", callback.signature()));
    }

    private String cairoParts() {
        String cairo = vendors.approved("Cairo Parts", "EG", "EGP");
        commissionPlan(cairo, Map.of("defaultRate", 800, "categoryRates", Map.of("spare-parts", 600)));
        return cairo;
    }

    private JsonNode order(String orderId) {
        Reply reply = api.get("/api/v1/orders/" + orderId, customer);
        return reply.status() == 200 ? reply.json() : api.get("/api/v1/orders/" + orderId, customer).json();
    }

    private long capturedMinor(String paymentId) {
        return jdbc.sql("""
                        SELECT (payload->'amount'->>'minorUnits')::bigint FROM event_journal
                         WHERE aggregate_id = :id AND event_type LIKE '%PaymentCapturedEvent'""")
                .param("id", paymentId).query(Long.class).single();
    }

    private record Line(String account, long debit, long credit) {
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

    private void assertTrialBalanceIsZero() {
        Reply reply = api.get("/api/v1/ledger/trial-balance?currency=EGP&size=1", auditor);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("balanced").asBoolean()).isTrue();
        assertThat(reply.json().get("totals").get(0).get("balance").get("minorUnits").asLong()).isZero();
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

    private String checkout(Map<String, Object> payment) {
        Reply placed = api.post("/api/v1/cart/checkout", customer, Map.of("address", HELIOPOLIS, "payment", payment),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json().get("orderId").asString();
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
