package com.souq.commerce.engine.checkout;

import static com.souq.commerce.engine.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Journal;
import com.souq.commerce.engine.support.Problems;
import com.souq.commerce.engine.support.Vendors;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.vendor.api.VendorId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Order to cash over HTTP against the real store: one cart from three vendors, checkout, sandbox payment, splitting,
 * and each vendor fulfilling (or refusing) only its own share; then the failure paths of checkout.
 */
@EngineIntegrationTest
class OrderToCashFlowTest {

    private static final Map<String, Object> HELIOPOLIS = Map.of("recipient", "Mona Adel", "phone", "+201001234567",
            "line1", "12 Baghdad St", "city", "Cairo", "postalCode", "11341", "country", "EG");
    private static final Duration EVENTUALLY = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Vendors vendors;
    Problems problems;
    Journal journal;
    String customer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        vendors = new Vendors(api);
        problems = new Problems(jdbc);
        journal = new Journal(jdbc);
        customer = api.token("customer-" + UUID.randomUUID(), "CUSTOMER");
    }

    @Test
    void threeVendorOrderIsPaidSplitAndFulfilledByEachVendor() {
        String cairo = vendors.approved("Cairo Parts", "EG", "EGP");
        String giza = vendors.approved("Giza Tyres", "EG", "EGP");
        String delta = vendors.approved("Delta Oils", "EG", "EGP");
        String pads = published(cairo, "Brake pads", 350_00, 10);
        String tyre = published(giza, "Tyre 205/55 R16", 1_250_00, 10);
        String oil = published(delta, "Engine oil 5W-30", 99_99, 10);
        addToCart(pads, 2);
        addToCart(tyre, 4);
        addToCart(oil, 3);

        String orderId = checkout("approve");

        await().atMost(EVENTUALLY).until(() -> journal.events(orderId).contains("OrderPaidEvent"));
        assertThat(journal.events(orderId)).containsExactly("OrderPlacedEvent", "OrderStockReservedEvent",
                "OrderPaymentRequestedEvent", "OrderPaymentAcceptedEvent", "OrderPaidEvent");
        assertThat(stock(pads)).isEqualTo(new Stock(10, 2, 8));

        String padsShare = share(orderId, cairo);
        String tyreShare = share(orderId, giza);
        String oilShare = share(orderId, delta);
        await().atMost(EVENTUALLY).until(() -> journal.events(padsShare).contains("VendorOrderCreatedEvent")
                && journal.events(tyreShare).contains("VendorOrderCreatedEvent")
                && journal.events(oilShare).contains("VendorOrderCreatedEvent"));

        assertProblem(problems.writesNothing(() -> api.post("/api/v1/vendor-orders/" + padsShare + "/acceptance",
                vendors.staffOf(giza), null)), 403, "NOT_YOUR_ORDER");
        assertProblem(problems.writesNothing(() -> api.post("/api/v1/vendor-orders/" + padsShare + "/shipment",
                vendors.staffOf(cairo), Map.of("carrier", "Aramex", "trackingReference", "AWB-1"))), 409,
                "ILLEGAL_STATE_TRANSITION");

        fulfil(padsShare, cairo, "AWB-778812");
        fulfil(tyreShare, giza, "BOSTA-55120");
        assertThat(act(oilShare, delta, "rejection", Map.of("reason", "Out of this grade")).status()).isEqualTo(202);

        await().atMost(EVENTUALLY).until(() -> journal.events(orderId).contains("OrderCompletedEvent"));
        await().atMost(EVENTUALLY).until(() -> stock(oil).equals(new Stock(10, 0, 10)));
        assertThat(stock(pads)).isEqualTo(new Stock(8, 0, 8));
        assertThat(stock(tyre)).isEqualTo(new Stock(6, 0, 6));
        assertThat(journal.count(orderId, "OrderPaidEvent")).isOne();
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderAndGivesTheStockBack() {
        String cairo = vendors.approved("Cairo Parts", "EG", "EGP");
        String pads = published(cairo, "Brake pads", 350_00, 5);
        addToCart(pads, 2);

        String orderId = checkout("decline");

        await().atMost(EVENTUALLY).until(() -> journal.events(orderId).contains("OrderCancelledEvent"));
        await().atMost(EVENTUALLY).until(() -> stock(pads).equals(new Stock(5, 0, 5)));
        assertThat(journal.events(orderId)).doesNotContain("OrderPaidEvent");
    }

    @Test
    void anOrderNotPaidBeforeItsDeadlineIsCancelledAndItsStockReleased() {
        String cairo = vendors.approved("Cairo Parts", "EG", "EGP");
        String pads = published(cairo, "Brake pads", 350_00, 5);
        addToCart(pads, 3);

        String orderId = checkout("requires-action");

        await().atMost(EVENTUALLY).until(() -> stock(pads).equals(new Stock(5, 3, 2)));
        await().atMost(EVENTUALLY).until(() -> journal.events(orderId).contains("OrderCancelledEvent"));
        assertThat(journal.events(PaymentId.forOrder(OrderId.of(orderId)).value()))
                .contains("PaymentActionRequiredEvent", "PaymentCancelledEvent")
                .doesNotContain("PaymentCapturedEvent");
        await().atMost(EVENTUALLY).until(() -> stock(pads).equals(new Stock(5, 0, 5)));
    }

    @Test
    void theLastItemGoesToExactlyOneOfTwoRacingCheckouts() throws Exception {
        String cairo = vendors.approved("Cairo Parts", "EG", "EGP");
        String engine = published(cairo, "Reconditioned engine", 45_000_00, 1);
        String first = api.token("customer-" + UUID.randomUUID(), "CUSTOMER");
        String second = api.token("customer-" + UUID.randomUUID(), "CUSTOMER");
        for (String shopper : List.of(first, second)) {
            assertThat(api.post("/api/v1/cart/lines", shopper, Map.of("listingId", engine, "quantity", 1)).status())
                    .isEqualTo(202);
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Reply>> answers = pool.invokeAll(List.<Callable<Reply>>of(
                    () -> placeOrder(first, "approve"), () -> placeOrder(second, "approve")));
            // Each checkout either places an order (which then races for the stock in its saga) or, when the other
            // order reserved the engine before this cart's stock check, is refused at once: never both placed and paid
            List<String> placed = new ArrayList<>();
            for (Future<Reply> answer : answers) {
                Reply reply = answer.get();
                if (reply.status() == 201) {
                    placed.add(reply.json().get("orderId").asString());
                } else {
                    assertProblem(reply, 409, "QUANTITY_ABOVE_STOCK");
                }
            }
            assertThat(placed).isNotEmpty();
            await().atMost(EVENTUALLY).until(() -> placed.stream().allMatch(this::ended));
            long paid = placed.stream().filter(order -> journal.events(order).contains("OrderPaidEvent")).count();
            assertThat(paid).isOne();
            await().atMost(EVENTUALLY).until(() -> stock(engine).equals(new Stock(1, 1, 0)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCustomerCancelsAPaidOrderBeforeItShipsAndItsStockComesBack() {
        String cairo = vendors.approved("Cairo Parts", "EG", "EGP");
        String pads = published(cairo, "Brake pads", 350_00, 5);
        addToCart(pads, 2);
        String orderId = checkout("approve");
        String padsShare = share(orderId, cairo);
        await().atMost(EVENTUALLY).until(() -> journal.events(padsShare).contains("VendorOrderCreatedEvent"));

        String stranger = api.token("customer-" + UUID.randomUUID(), "CUSTOMER");
        assertProblem(problems.writesNothing(() -> api.post("/api/v1/orders/" + orderId + "/cancellation", stranger,
                Map.of("reason", "mischief"))), 403, "NOT_YOUR_ORDER");
        assertThat(api.post("/api/v1/orders/" + orderId + "/cancellation", customer,
                Map.of("reason", "Found them cheaper")).status()).isEqualTo(202);

        await().atMost(EVENTUALLY).until(() -> journal.events(orderId).contains("OrderCancelledEvent"));
        assertThat(journal.events(padsShare)).as("cancelled, and refunded in full in the same step")
                .containsExactly("VendorOrderCreatedEvent", "VendorOrderCancelledEvent", "RefundApprovedEvent");
        await().atMost(EVENTUALLY).until(() -> stock(pads).equals(new Stock(5, 0, 5)));
    }

    private void fulfil(String vendorOrderId, String vendorId, String tracking) {
        assertThat(act(vendorOrderId, vendorId, "acceptance", null).status()).isEqualTo(202);
        assertThat(act(vendorOrderId, vendorId, "shipment", Map.of("carrier", "Aramex", "trackingReference",
                tracking)).status()).isEqualTo(202);
        assertThat(act(vendorOrderId, vendorId, "delivery", null).status()).isEqualTo(202);
    }

    private Reply act(String vendorOrderId, String vendorId, String step, Object body) {
        Reply reply = api.post("/api/v1/vendor-orders/" + vendorOrderId + "/" + step, vendors.staffOf(vendorId), body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        return reply;
    }

    private boolean ended(String orderId) {
        List<String> events = journal.events(orderId);
        return events.contains("OrderPaidEvent") || events.contains("OrderCancelledEvent");
    }

    private static String share(String orderId, String vendorId) {
        return VendorOrderId.of(OrderId.of(orderId), VendorId.of(vendorId)).value();
    }

    private record Stock(int onHand, int reserved, int available) {
    }

    private Stock stock(String listingId) {
        JsonNode stock = api.get("/api/v1/listings/" + listingId, null).json().get("stock");
        return new Stock(stock.get("onHand").asInt(), stock.get("reserved").asInt(), stock.get("available").asInt());
    }

    private void addToCart(String listingId, int quantity) {
        Reply added = api.post("/api/v1/cart/lines", customer, Map.of("listingId", listingId, "quantity", quantity));
        assertThat(added.status()).as(added.toString()).isEqualTo(202);
    }

    private String checkout(String sandboxOutcome) {
        return checkout(customer, sandboxOutcome);
    }

    private String checkout(String shopper, String sandboxOutcome) {
        Reply placed = placeOrder(shopper, sandboxOutcome);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json().get("orderId").asString();
    }

    private Reply placeOrder(String shopper, String sandboxOutcome) {
        return api.post("/api/v1/cart/checkout", shopper, Map.of("address", HELIOPOLIS,
                        "payment", Map.of("provider", "SANDBOX", "method", sandboxOutcome)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private String published(String vendorId, String title, long price, int stock) {
        Reply drafted = api.post("/api/v1/vendors/" + vendorId + "/listings", vendors.staffOf(vendorId),
                Map.of("category", "spare-parts", "title", Map.of("en", title),
                        "price", Map.of("minorUnits", price, "currency", "EGP"), "stock", stock),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String listingId = drafted.json().get("listingId").asString();
        Reply publish = api.post("/api/v1/listings/" + listingId + "/publication", vendors.staffOf(vendorId), null);
        assertThat(publish.status()).as(publish.toString()).isEqualTo(202);
        return listingId;
    }
}
