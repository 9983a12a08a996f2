package com.souq.commerce.engine.orders;

import static com.souq.commerce.engine.orders.OrderQueries.status;
import static com.souq.commerce.engine.orders.OrderQueries.timelineOf;
import static com.souq.commerce.engine.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.vendor.api.VendorId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What a customer and staff read of orders: the history, one order in full, its payment, and who may read them. */
@EngineIntegrationTest
class OrderReadTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore store;

    Api api;
    OrderQueries reads;
    String customerSubject;
    String customer;
    VendorId first;
    VendorId second;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        reads = new OrderQueries(api);
        customerSubject = "customer-" + UUID.randomUUID();
        customer = api.token(customerSubject, "CUSTOMER");
        first = VendorId.random();
        second = VendorId.random();
    }

    @Test
    void customerListsOwnOrdersNewestFirstWithEachVendorsStatus() {
        OrderStory oldest = OrderStory.placed(store, customerSubject, first, second).publish();
        OrderStory shipping = OrderStory.placed(store, customerSubject, first, second).paidAndSplit()
                .accept(first).ship(first, "Aramex", "AX-778").publish();
        OrderStory newest = OrderStory.placed(store, customerSubject, first, second).reserveStock().publish();
        OrderStory.placed(store, "customer-" + UUID.randomUUID(), first, second).publish();
        reads.order(newest.orderId.value(), customer, status("STOCK_RESERVED"));
        reads.order(shipping.orderId.value(), customer, order -> vendorStatuses(order).contains(first + " SHIPPED"));

        JsonNode firstPage = api.get("/api/v1/orders?page=0&size=2", customer).json();
        assertThat(firstPage.get("totalItems").asLong()).isEqualTo(3);
        assertThat(firstPage.get("totalPages").asInt()).isEqualTo(2);
        assertThat(orderIds(firstPage)).containsExactly(newest.orderId.value(), shipping.orderId.value());
        JsonNode paid = firstPage.get("items").get(1);
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(paid.get("paymentStatus").asString()).isEqualTo("CAPTURED");
        assertThat(paid.get("grandTotal").get("minorUnits").asLong()).isEqualTo(6_748_80);
        assertThat(paid.get("itemCount").asInt()).isEqualTo(7);
        assertThat(paid.get("vendorCount").asInt()).isEqualTo(2);
        assertThat(vendorStatuses(paid)).containsExactlyInAnyOrder(first + " SHIPPED", second + " CREATED");
        assertThat(firstPage.get("items").get(0).get("vendorOrders").size()).isZero();

        JsonNode secondPage = api.get("/api/v1/orders?page=1&size=2", customer).json();
        assertThat(orderIds(secondPage)).containsExactly(oldest.orderId.value());
        assertThat(secondPage.get("items").get(0).get("paymentStatus").isNull()).isTrue();
    }

    @Test
    void orderShowsLinesTotalsVendorOrdersPaymentAndTimelineInOrder() {
        OrderStory story = OrderStory.placed(store, customerSubject, first, second).paidAndSplit()
                .accept(first).ship(first, "Aramex", "AX-123").deliver(first)
                .reject(second, "Out of stock since Tuesday")
                .complete(List.of(first), List.of(second))
                .publish();

        JsonNode order = reads.order(story.orderId.value(), customer, status("COMPLETED").and(timelineOf(21))
                .and(view -> vendorStatuses(view).contains(second + " REJECTED")));

        assertThat(order.get("customerSubject").asString()).isEqualTo(customerSubject);
        assertThat(order.get("totals").get("subtotal").get("minorUnits").asLong()).isEqualTo(5_820_00);
        assertThat(order.get("totals").get("shipping").get("minorUnits").asLong()).isEqualTo(100_00);
        assertThat(order.get("totals").get("vat").get("minorUnits").asLong()).isEqualTo(828_80);
        assertThat(order.get("totals").get("grandTotal").get("minorUnits").asLong()).isEqualTo(6_748_80);
        assertThat(order.get("totals").get("grandTotal").get("currency").asString()).isEqualTo("EGP");
        assertThat(order.get("totals").get("vatRate").asInt()).isEqualTo(1400);
        assertThat(order.get("shippingAddress").get("city").asString()).isEqualTo("Cairo");
        assertThat(order.get("lines").size()).isEqualTo(3);
        JsonNode pads = order.get("lines").get(0);
        assertThat(pads.get("listingId").asString()).isEqualTo(story.lines.getFirst().listingId().value());
        assertThat(pads.get("quantity").asInt()).isEqualTo(2);
        assertThat(pads.get("total").get("minorUnits").asLong()).isEqualTo(700_00);
        assertThat(pads.get("vat").get("minorUnits").asLong()).isEqualTo(98_00);
        assertThat(order.get("payment").get("paymentId").asString()).isEqualTo(story.paymentId.value());
        assertThat(order.get("payment").get("status").asString()).isEqualTo("CAPTURED");
        assertThat(order.get("payment").get("paid").get("minorUnits").asLong()).isEqualTo(6_748_80);
        JsonNode shipped = order.get("vendorOrders").valueStream()
                .filter(vendorOrder -> vendorOrder.get("vendorId").asString().equals(first.value()))
                .findFirst().orElseThrow();
        assertThat(shipped.get("vendorOrderId").asString()).isEqualTo(story.vendorOrderId(first).value());
        assertThat(shipped.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(shipped.get("carrier").asString()).isEqualTo("Aramex");
        assertThat(shipped.get("trackingReference").asString()).isEqualTo("AX-123");
        assertThat(shipped.get("total").get("minorUnits").asLong()).isEqualTo(991_80);
        assertThat(order.get("version").asLong()).isEqualTo(story.version());
        assertThat(order.get("placedAt").asString()).isNotBlank();
        assertThat(order.get("completedAt").asString()).isNotBlank();

        assertThat(order.get("timeline").valueStream().map(entry -> entry.get("type").asString())).containsExactly(
                "OrderPlaced", "StockReserved", "StockReserved", "StockReserved", "OrderStockReserved",
                "OrderPaymentRequested", "PaymentRequested", "PaymentAuthorized", "OrderPaymentAccepted",
                "PaymentCaptureRequested", "PaymentCaptured", "OrderPaid", "VendorOrderCreated",
                "VendorOrderCreated", "VendorOrderAccepted", "StockReservationCommitted",
                "StockReservationCommitted", "VendorOrderShipped", "VendorOrderDelivered", "VendorOrderRejected",
                "OrderCompleted");
        JsonNode placed = order.get("timeline").get(0);
        assertThat(placed.get("actor").asString()).isEqualTo("CUSTOMER");
        assertThat(placed.get("actorSubject").asString()).isEqualTo(customerSubject);
        assertThat(placed.get("description").asString())
                .isEqualTo("Order placed: 7 items from 2 vendors, 6748.80 EGP, to pay with SANDBOX");
        JsonNode accepted = order.get("timeline").get(14);
        assertThat(accepted.get("actor").asString()).isEqualTo("VENDOR");
        assertThat(accepted.get("actorSubject").asString()).isEqualTo("staff-" + first);
        assertThat(accepted.get("vendorId").asString()).isEqualTo(first.value());
        assertThat(order.get("timeline").get(17).get("description").asString())
                .isEqualTo("Shipped with Aramex, tracking reference AX-123");
        assertThat(order.get("timeline").get(19).get("description").asString())
                .isEqualTo("The vendor rejected its share: Out of stock since Tuesday; 5757.00 EGP is owed back");
        assertThat(order.get("timeline").get(20).get("actor").asString()).isEqualTo("ENGINE");
        assertThat(order.get("timeline").valueStream().map(entry -> Instant.parse(entry.get("at").asString())))
                .isSorted();

        Reply read = api.get("/api/v1/orders/" + story.orderId, customer);
        assertThat(read.header("ETag")).isEqualTo("\"" + story.version() + "\"");
    }

    @Test
    void onlyTheCustomerAndStaffSeeAnOrderAndItsPayment() {
        OrderStory story = OrderStory.placed(store, customerSubject, first, second).reserveStock().requestPayment()
                .publish();
        reads.order(story.orderId.value(), customer, order -> !order.get("payment").get("status").isNull());
        String order = "/api/v1/orders/" + story.orderId;
        String payment = order + "/payment";

        String anotherCustomer = api.token("customer-" + UUID.randomUUID(), "CUSTOMER");
        String vendorStaff = api.token("staff-" + first, List.of("VENDOR"), first.value());
        for (String path : List.of(order, payment)) {
            assertProblem(api.get(path, anotherCustomer), 404, "NOT_FOUND");
            assertProblem(api.get(path, vendorStaff), 404, "NOT_FOUND");
            assertProblem(api.get(path, null), 401, "UNAUTHENTICATED");
            assertThat(api.get(path, customer).status()).isEqualTo(200);
            assertThat(api.get(path, api.token("support-orders", "SUPPORT")).status()).isEqualTo(200);
            assertThat(api.get(path, api.token("auditor-orders", "AUDITOR")).status()).isEqualTo(200);
        }
        assertProblem(api.get("/api/v1/orders/" + UUID.randomUUID(), customer), 404, "NOT_FOUND");
        assertProblem(api.get("/api/v1/orders/not-an-order", customer), 400, "INVALID_IDENTIFIER");
        assertProblem(api.get("/api/v1/orders/" + UUID.randomUUID() + "/payment", customer), 404, "NOT_FOUND");

        assertProblem(api.get("/api/v1/orders?customer=" + customerSubject, anotherCustomer), 403, "FORBIDDEN");
        JsonNode asSupport = api.get("/api/v1/orders?customer=" + customerSubject,
                api.token("support-orders", "SUPPORT")).json();
        assertThat(orderIds(asSupport)).containsExactly(story.orderId.value());
        assertThat(api.get("/api/v1/orders", anotherCustomer).json().get("totalItems").asLong()).isZero();
        assertProblem(api.get("/api/v1/orders?size=101", customer), 400, "VALIDATION_FAILED");
    }

    @Test
    void paymentShowsItsNextActionWhileWaitingAndWhyItFailed() {
        OrderStory story = OrderStory.placed(store, customerSubject, first, second).reserveStock().publish();
        reads.order(story.orderId.value(), customer, status("STOCK_RESERVED"));
        String payment = "/api/v1/orders/" + story.orderId + "/payment";
        assertProblem(api.get(payment, customer), 404, "NOT_FOUND");

        story.requestPayment().requireAction("https://sandbox.example/3ds/" + story.paymentId).publish();
        JsonNode waiting = reads.until(payment, customer, view -> view.get("status").asString()
                .equals("REQUIRES_ACTION"));
        assertThat(waiting.get("nextActionUrl").asString()).isEqualTo("https://sandbox.example/3ds/"
                + story.paymentId);
        assertThat(waiting.get("paymentId").asString()).isEqualTo(story.paymentId.value());
        assertThat(waiting.get("provider").asString()).isEqualTo("SANDBOX");
        assertThat(waiting.get("providerReference").asString()).isEqualTo("sbx-" + story.orderId);
        assertThat(waiting.get("amount").get("minorUnits").asLong()).isEqualTo(6_748_80);

        story.failPayment("Card declined by issuer").releaseStock(0).releaseStock(1).releaseStock(2)
                .cancel(CancellationParty.CHECKOUT, null, "The payment failed")
                .publish();
        JsonNode failed = reads.until(payment, customer, view -> view.get("status").asString().equals("FAILED"));
        assertThat(failed.get("failureReason").asString()).isEqualTo("Card declined by issuer");
        assertThat(failed.get("nextActionUrl").isNull()).isTrue();

        JsonNode order = reads.order(story.orderId.value(), customer, status("CANCELLED").and(timelineOf(13)));
        assertThat(order.get("payment").get("status").asString()).isEqualTo("FAILED");
        assertThat(order.get("cancellation").get("party").asString()).isEqualTo("CHECKOUT");
        assertThat(order.get("cancellation").get("reason").asString()).isEqualTo("The payment failed");
        assertThat(order.get("cancellation").get("afterPayment").asBoolean()).isFalse();
        JsonNode cancelled = order.get("timeline").get(12);
        assertThat(cancelled.get("type").asString()).isEqualTo("OrderCancelled");
        assertThat(cancelled.get("actor").asString()).isEqualTo("ENGINE");
        assertThat(cancelled.get("description").asString())
                .isEqualTo("Order cancelled by checkout: The payment failed");
    }

    /** "vendorId STATUS" of each vendor order of an order; vendor orders created together come in no set order. */
    private static List<String> vendorStatuses(JsonNode order) {
        return order.get("vendorOrders").valueStream()
                .map(vendorOrder -> vendorOrder.get("vendorId").asString() + " " + vendorOrder.get("status").asString())
                .toList();
    }

    private static List<String> orderIds(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("orderId").asString()).toList();
    }
}
