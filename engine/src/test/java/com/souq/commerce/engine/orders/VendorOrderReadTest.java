package com.souq.commerce.engine.orders;

import static com.souq.commerce.engine.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.vendor.api.VendorId;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What a vendor reads of its shares of paid orders, and who else may read them. */
@EngineIntegrationTest
class VendorOrderReadTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore store;

    Api api;
    OrderQueries reads;
    String customerSubject;
    String customer;
    VendorId vendor;
    VendorId other;
    String vendorStaff;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        reads = new OrderQueries(api);
        customerSubject = "customer-" + UUID.randomUUID();
        customer = api.token(customerSubject, "CUSTOMER");
        vendor = VendorId.random();
        other = VendorId.random();
        vendorStaff = api.token("staff-" + vendor, List.of("VENDOR"), vendor.value());
    }

    @Test
    void vendorListsItsVendorOrdersNewestFirstFilteredByStatus() {
        OrderStory shipped = OrderStory.placed(store, customerSubject, vendor, other).paidAndSplit()
                .accept(vendor).ship(vendor, "Bosta", "BST-0042").publish();
        OrderStory accepted = OrderStory.placed(store, customerSubject, vendor, other).paidAndSplit().accept(vendor)
                .publish();
        OrderStory created = OrderStory.placed(store, customerSubject, other, vendor).paidAndSplit().publish();
        OrderStory.placed(store, customerSubject, vendor, other).reserveStock().publish();
        String list = "/api/v1/vendors/" + vendor + "/orders";
        reads.until(list + "?status=SHIPPED", vendorStaff, page -> page.get("totalItems").asLong() == 1);
        reads.until(list + "?status=ACCEPTED", vendorStaff, page -> page.get("totalItems").asLong() == 1);
        reads.until(list, vendorStaff, page -> page.get("totalItems").asLong() == 3);

        JsonNode everything = api.get(list + "?size=2", vendorStaff).json();
        assertThat(everything.get("totalPages").asInt()).isEqualTo(2);
        assertThat(vendorOrderIds(everything)).containsExactly(created.vendorOrderId(vendor).value(),
                accepted.vendorOrderId(vendor).value());
        assertThat(vendorOrderIds(api.get(list + "?size=2&page=1", vendorStaff).json()))
                .containsExactly(shipped.vendorOrderId(vendor).value());

        JsonNode onlyShipped = api.get(list + "?status=SHIPPED", vendorStaff).json();
        assertThat(vendorOrderIds(onlyShipped)).containsExactly(shipped.vendorOrderId(vendor).value());
        JsonNode share = onlyShipped.get("items").get(0);
        assertThat(share.get("orderId").asString()).isEqualTo(shipped.orderId.value());
        assertThat(share.get("vendorId").asString()).isEqualTo(vendor.value());
        assertThat(share.get("status").asString()).isEqualTo("SHIPPED");
        assertThat(share.get("shipment").get("carrier").asString()).isEqualTo("Bosta");
        assertThat(share.get("shipment").get("trackingReference").asString()).isEqualTo("BST-0042");
        assertThat(share.get("lines").valueStream().map(line -> line.get("listingId").asString())).containsExactly(
                shipped.lines.get(0).listingId().value(), shipped.lines.get(1).listingId().value());
        assertThat(share.get("totals").get("subtotal").get("minorUnits").asLong()).isEqualTo(820_00);
        assertThat(share.get("totals").get("shipping").get("minorUnits").asLong()).isEqualTo(50_00);
        assertThat(share.get("totals").get("vat").get("minorUnits").asLong()).isEqualTo(121_80);
        assertThat(share.get("totals").get("total").get("minorUnits").asLong()).isEqualTo(991_80);
        assertThat(share.get("itemCount").asInt()).isEqualTo(3);
        assertThat(share.get("shippingAddress").get("recipient").asString()).isEqualTo("Mona Adel");

        assertThat(vendorOrderIds(api.get(list + "?status=CREATED", vendorStaff).json()))
                .containsExactly(created.vendorOrderId(vendor).value());
        assertThat(api.get(list + "?status=DELIVERED", vendorStaff).json().get("items").size()).isZero();
        assertProblem(api.get(list + "?status=LOST", vendorStaff), 400, null);
    }

    @Test
    void onlyTheVendorsStaffAdministratorsAndSupportListItsVendorOrders() {
        String list = "/api/v1/vendors/" + vendor + "/orders";
        assertThat(api.get(list, vendorStaff).status()).isEqualTo(200);
        assertThat(api.get(list, api.token("admin-orders", "ADMIN")).status()).isEqualTo(200);
        assertThat(api.get(list, api.token("support-orders", "SUPPORT")).status()).isEqualTo(200);
        assertProblem(api.get(list, api.token("staff-" + other, List.of("VENDOR"), other.value())), 403,
                "NOT_YOUR_VENDOR");
        assertProblem(api.get(list, customer), 403, "NOT_YOUR_VENDOR");
        assertProblem(api.get(list, api.token("auditor-orders", "AUDITOR")), 403, "NOT_YOUR_VENDOR");
        assertProblem(api.get(list, null), 401, "UNAUTHENTICATED");
        assertProblem(api.get("/api/v1/vendors/not-a-vendor/orders", vendorStaff), 400, "INVALID_IDENTIFIER");
    }

    @Test
    void oneVendorOrderIsReadByItsVendorTheCustomerAndStaffOnly() {
        OrderStory story = OrderStory.placed(store, customerSubject, vendor, other).paidAndSplit().accept(vendor)
                .publish();
        String path = "/api/v1/vendor-orders/" + story.vendorOrderId(vendor);
        JsonNode share = reads.until(path, vendorStaff, view -> view.get("status").asString().equals("ACCEPTED"));
        assertThat(share.get("customerSubject").asString()).isEqualTo(customerSubject);
        assertThat(share.get("lines").size()).isEqualTo(2);
        assertThat(share.get("acceptedAt").asString()).isNotBlank();
        assertThat(share.get("shipment").isNull()).isTrue();
        assertThat(api.get(path, vendorStaff).header("ETag")).isEqualTo("\"1\"");

        assertThat(api.get(path, customer).status()).isEqualTo(200);
        assertThat(api.get(path, api.token("support-orders", "SUPPORT")).status()).isEqualTo(200);
        assertProblem(api.get(path, api.token("staff-" + other, List.of("VENDOR"), other.value())), 404,
                "NOT_FOUND");
        assertProblem(api.get(path, api.token("customer-" + UUID.randomUUID(), "CUSTOMER")), 404, "NOT_FOUND");
        assertProblem(api.get("/api/v1/vendor-orders/" + UUID.randomUUID(), vendorStaff), 404, "NOT_FOUND");
    }

    private static List<String> vendorOrderIds(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("vendorOrderId").asString()).toList();
    }
}
