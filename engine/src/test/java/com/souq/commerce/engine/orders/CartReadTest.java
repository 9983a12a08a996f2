package com.souq.commerce.engine.orders;

import static com.souq.commerce.engine.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.cart.api.CartId;
import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Vendors;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The customer's open cart read back while it is filled, changed and checked out over the real cart API. */
@EngineIntegrationTest
class CartReadTest {

    private static final Map<String, Object> HELIOPOLIS = Map.of("recipient", "Mona Adel", "phone", "+201001234567",
            "line1", "12 Baghdad St", "city", "Cairo", "postalCode", "11341", "country", "EG");

    @LocalServerPort
    int port;

    Api api;
    Vendors vendors;
    OrderQueries reads;
    String customerSubject;
    String customer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        vendors = new Vendors(api);
        reads = new OrderQueries(api);
        customerSubject = "customer-" + UUID.randomUUID();
        customer = api.token(customerSubject, "CUSTOMER");
    }

    @Test
    void aCustomerWhoNeverAddedAnythingHasAnEmptyCart() {
        Reply cart = api.get("/api/v1/cart", customer);

        assertThat(cart.status()).isEqualTo(200);
        assertThat(cart.json().get("cartId").asString()).isEqualTo(CartId.ofCustomer(customerSubject).value());
        assertThat(cart.json().get("lines").size()).isZero();
        assertThat(cart.json().get("itemCount").asInt()).isZero();
        assertThat(cart.json().get("subtotal").isNull()).isTrue();
    }

    @Test
    void cartFollowsAddsChangesRemovalsAndCheckout() {
        String vendor = vendors.approved("Cart Parts", "EG", "EGP");
        String pads = published(vendor, "Brake pads", 350_00);
        String oil = published(vendor, "Engine oil", 99_99);
        String wipers = published(vendor, "Wipers", 45_50);
        addToCart(pads, 2);
        addToCart(oil, 3);
        addToCart(wipers, 1);
        addToCart(pads, 1);
        assertThat(api.put("/api/v1/cart/lines/" + oil, customer, Map.of("quantity", 2), Map.of()).status())
                .isEqualTo(202);
        assertThat(api.send("DELETE", "/api/v1/cart/lines/" + wipers, customer, null, Map.of()).status())
                .isEqualTo(202);

        JsonNode cart = reads.until("/api/v1/cart", customer, view -> view.get("itemCount").asInt() == 5
                && view.get("lines").size() == 2);
        assertThat(cart.get("lines").valueStream().map(line -> line.get("listingId").asString() + " x"
                + line.get("quantity").asInt() + " at " + line.get("unitPrice").get("minorUnits").asLong()))
                .containsExactly(pads + " x3 at 35000", oil + " x2 at 9999");
        assertThat(cart.get("lines").get(0).get("vendorId").asString()).isEqualTo(vendor);
        assertThat(cart.get("lines").get(0).get("total").get("minorUnits").asLong()).isEqualTo(1_050_00);
        assertThat(cart.get("subtotal").get("minorUnits").asLong()).isEqualTo(1_249_98);
        assertThat(cart.get("subtotal").get("currency").asString()).isEqualTo("EGP");

        Reply placed = api.post("/api/v1/cart/checkout", customer, Map.of("address", HELIOPOLIS,
                "payment", Map.of("provider", "SANDBOX", "method", "approve")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.json().get("orderId").asString();

        JsonNode emptied = reads.until("/api/v1/cart", customer, view -> view.get("lines").isEmpty());
        assertThat(emptied.get("itemCount").asInt()).isZero();
        assertThat(emptied.get("lastOrderId").asString()).isEqualTo(orderId);

        JsonNode order = reads.order(orderId, customer, view -> true);
        assertThat(order.get("lines").valueStream().map(line -> line.get("listingId").asString()))
                .containsExactly(pads, oil);
        assertThat(order.get("totals").get("subtotal").get("minorUnits").asLong()).isEqualTo(1_249_98);
        assertThat(order.get("timeline").get(0).get("type").asString()).isEqualTo("OrderPlaced");
    }

    @Test
    void onlyCustomersHaveACart() {
        String vendor = UUID.randomUUID().toString();
        assertProblem(api.get("/api/v1/cart", api.token("staff-" + vendor, List.of("VENDOR"), vendor)), 403,
                "FORBIDDEN");
        assertProblem(api.get("/api/v1/cart", null), 401, "UNAUTHENTICATED");
    }

    private void addToCart(String listingId, int quantity) {
        Reply added = api.post("/api/v1/cart/lines", customer, Map.of("listingId", listingId, "quantity", quantity));
        assertThat(added.status()).as(added.toString()).isEqualTo(202);
    }

    private String published(String vendorId, String title, long price) {
        Reply drafted = api.post("/api/v1/vendors/" + vendorId + "/listings", vendors.staffOf(vendorId),
                Map.of("category", "spare-parts", "title", Map.of("en", title),
                        "price", Map.of("minorUnits", price, "currency", "EGP"), "stock", 10),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String listingId = drafted.json().get("listingId").asString();
        Reply publish = api.post("/api/v1/listings/" + listingId + "/publication", vendors.staffOf(vendorId), null);
        assertThat(publish.status()).as(publish.toString()).isEqualTo(202);
        return listingId;
    }
}
