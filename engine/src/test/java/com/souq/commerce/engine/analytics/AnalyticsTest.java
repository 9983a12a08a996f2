package com.souq.commerce.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.audit.Shop;
import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Problems;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import tools.jackson.databind.node.MissingNode;

/**
 * Analysts' read models over HTTP and in SQL, fed by real orders: two vendors, two orders, one vendor order shipped
 * and one rejected.
 *
 * <p>Figures (EG, VAT 14 %): Sahara Parts (plan 10 %, spare-parts 5 %) sells brake pads 3 x 200.00 (spare-parts,
 * commission 30.00, VAT 84.00) in the first order and 1 x 200.00 (commission 10.00, VAT 28.00) in the second, where it
 * rejects its share: 228.00 is owed back. Nile Tyres (plan 10 %) sells a tyre 1 x 1,000.00 (tyres-and-wheels,
 * commission 100.00, VAT 140.00) in the first order, accepts and ships it.
 */
@EngineIntegrationTest
class AnalyticsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Shop shop;
    String analyst;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = new Shop(api, jdbc);
        analyst = api.token("analyst-1", "ANALYST");
    }

    @Test
    void analystsReadSalesConversionOrderValueTopListingsAndVendorPerformance() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String range = "from=" + today + "&to=" + today;
        JsonNode conversionBefore = total(api.get("/api/v1/analytics/conversion?groupBy=total&" + range, analyst));
        String sahara = shop.vendor("Sahara Parts", 1_000, Map.of("spare-parts", 500));
        String nile = shop.vendor("Nile Tyres", 1_000, Map.of());
        String pads = shop.listing(sahara, "spare-parts", "Ceramic brake pads", 200_00);
        String tyre = shop.listing(nile, "tyres-and-wheels", "Tyre 205/55 R16", 1_000_00);
        String customer = api.token("customer-" + UUID.randomUUID(), "CUSTOMER");
        shop.addToCart(customer, pads, 3);
        shop.addToCart(customer, tyre, 1);
        String first = shop.checkoutPaid(customer, "analytics-" + UUID.randomUUID());
        shop.addToCart(customer, pads, 1);
        String second = shop.checkoutPaid(customer, "analytics-" + UUID.randomUUID());
        String nileShare = Shop.share(first, nile);
        shop.act(nileShare, nile, "acceptance", null);
        shop.act(nileShare, nile, "shipment", Map.of("carrier", "Aramex", "trackingReference", "AWB-9"));
        shop.act(Shop.share(second, sahara), sahara, "rejection", Map.of("reason", "Out of stock"));
        shop.awaitEntries(second, 2);

        String sales = "/api/v1/analytics/sales?" + range + "&groupBy=vendor,category&vendorId=" + sahara;
        await().atMost(Shop.EVENTUALLY).until(() -> {
            JsonNode rows = api.get(sales, analyst).json().get("rows").get("items");
            return rows.size() == 1 && rows.get(0).path("refunds").path("minorUnits").asLong(0) == 228_00
                    && rows.get(0).path("commission").path("minorUnits").asLong(0) == 40_00;
        });
        JsonNode saharaSales = api.get(sales, analyst).json().get("rows").get("items").get(0);
        assertThat(saharaSales.get("vendorId").asString()).isEqualTo(sahara);
        assertThat(saharaSales.get("category").asString()).isEqualTo("spare-parts");
        assertThat(saharaSales.get("period").isNull()).isTrue();
        assertThat(saharaSales.get("currency").asString()).isEqualTo("EGP");
        assertThat(saharaSales.get("orders").asLong()).isEqualTo(2);
        assertThat(saharaSales.get("items").asLong()).isEqualTo(4);
        assertThat(saharaSales.get("gmv").get("minorUnits").asLong()).isEqualTo(800_00);
        assertThat(saharaSales.get("tax").get("minorUnits").asLong()).isEqualTo(112_00);
        await().atMost(Shop.EVENTUALLY).until(() -> api.get("/api/v1/analytics/sales?" + range
                + "&groupBy=day,category&vendorId=" + nile, analyst).json().get("rows").get("items").path(0)
                .path("commission").path("minorUnits").asLong(0) == 100_00);
        JsonNode nileDaily = api.get("/api/v1/analytics/sales?" + range + "&groupBy=day,category&vendorId=" + nile,
                analyst).json().get("rows").get("items").get(0);
        assertThat(nileDaily.get("period").asString()).isEqualTo(today);
        assertThat(nileDaily.get("category").asString()).isEqualTo("tyres-and-wheels");
        assertThat(nileDaily.get("gmv").get("minorUnits").asLong()).isEqualTo(1_000_00);
        assertThat(nileDaily.get("refunds").get("minorUnits").asLong()).isZero();

        Reply top = api.get("/api/v1/analytics/top-listings?" + range + "&by=units&vendorId=" + sahara, analyst);
        assertThat(top.status()).as(top.toString()).isEqualTo(200);
        JsonNode best = top.json().get("rows").get("items").get(0);
        assertThat(best.get("listingId").asString()).isEqualTo(pads);
        assertThat(best.get("title").asString()).isEqualTo("Ceramic brake pads");
        assertThat(best.get("units").asLong()).isEqualTo(4);
        assertThat(best.get("rank").asInt()).isOne();

        await().atMost(Shop.EVENTUALLY).until(() -> performance(nile, range).path("shipped").asLong(0) == 1);
        JsonNode nilePerformance = performance(nile, range);
        assertThat(nilePerformance.get("vendorOrders").asLong()).isOne();
        assertThat(nilePerformance.get("acceptanceRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(nilePerformance.get("averageSecondsToShip").asLong()).isNotNegative();
        await().atMost(Shop.EVENTUALLY).until(() -> performance(sahara, range).path("rejected").asLong(0) == 1);
        assertThat(performance(sahara, range).get("acceptanceRate").decimalValue()).isEqualByComparingTo("0");

        await().atMost(Shop.EVENTUALLY).until(() -> total(api.get("/api/v1/analytics/conversion?groupBy=total&"
                + range, analyst)).path("ordersPaid").asLong(0) == conversionBefore.path("ordersPaid").asLong(0) + 2);
        JsonNode conversion = total(api.get("/api/v1/analytics/conversion?groupBy=total&" + range, analyst));
        assertThat(conversion.get("cartsStarted").asLong())
                .isEqualTo(conversionBefore.path("cartsStarted").asLong(0) + 2);
        assertThat(conversion.get("cartsCheckedOut").asLong())
                .isEqualTo(conversionBefore.path("cartsCheckedOut").asLong(0) + 2);
        Reply value = api.get("/api/v1/analytics/order-value?groupBy=total&currency=EGP&" + range, analyst);
        assertThat(value.status()).as(value.toString()).isEqualTo(200);
        JsonNode egp = value.json().get("rows").get("items").get(0);
        assertThat(egp.get("orders").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(egp.get("averageOrderValue").get("minorUnits").asLong())
                .isEqualTo(Math.round((double) egp.get("revenue").get("minorUnits").asLong()
                        / egp.get("orders").asLong()));

        // the same figures in SQL, as the README shows them
        Map<String, Object> daily = jdbc.sql("""
                        SELECT sum(orders) AS orders, sum(items) AS items, sum(gmv_minor) AS gmv,
                               sum(commission_minor) AS commission, sum(tax_minor) AS tax, sum(refunds_minor) AS refunds
                          FROM analytics_daily_sales WHERE vendor_id = :vendor""")
                .param("vendor", UUID.fromString(sahara)).query().singleRow();
        assertThat(daily).containsEntry("orders", java.math.BigDecimal.valueOf(2))
                .containsEntry("gmv", java.math.BigDecimal.valueOf(800_00))
                .containsEntry("commission", java.math.BigDecimal.valueOf(40_00))
                .containsEntry("refunds", java.math.BigDecimal.valueOf(228_00));
    }

    @Test
    void badRangesAndGroupingsAreRefusedAndOnlyAnalystsAndAdministratorsRead() {
        Problems.assertInvalidField(api.get("/api/v1/analytics/sales?from=2026-02-01&to=2026-01-01", analyst),
                "from");
        Problems.assertInvalidField(api.get("/api/v1/analytics/sales?from=2024-01-01&to=2026-01-01", analyst), "to");
        Problems.assertInvalidField(api.get("/api/v1/analytics/sales?from=yesterday", analyst), "from");
        Problems.assertInvalidField(api.get("/api/v1/analytics/sales?groupBy=day,month", analyst), "groupBy");
        Problems.assertInvalidField(api.get("/api/v1/analytics/sales?groupBy=vendor;DROP", analyst), "groupBy");
        Problems.assertInvalidField(api.get("/api/v1/analytics/sales?category=boats", analyst), "category");
        Problems.assertInvalidField(api.get("/api/v1/analytics/top-listings?by=price", analyst), "by");
        Problems.assertInvalidField(api.get("/api/v1/analytics/order-value?groupBy=year", analyst), "groupBy");
        Problems.assertInvalidField(api.get("/api/v1/analytics/vendor-performance?vendorId=x", analyst), "vendorId");
        Problems.assertInvalidField(api.get("/api/v1/analytics/conversion?to=2026-02-30", analyst), "to");
        Problems.assertProblem(api.get("/api/v1/analytics/sales?size=501", analyst), 400, null);
        Problems.assertProblem(api.get("/api/v1/analytics/sales", api.token("auditor-analytics", "AUDITOR")), 403,
                "FORBIDDEN");
        Problems.assertProblem(api.get("/api/v1/analytics/sales", api.token("customer-analytics", "CUSTOMER")), 403,
                "FORBIDDEN");
        Reply admin = api.get("/api/v1/analytics/sales?groupBy=month,vendor", api.token("admin-analytics", "ADMIN"));
        assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
        List<String> groups = new ArrayList<>();
        admin.json().get("groupBy").forEach(group -> groups.add(group.asString()));
        assertThat(groups).containsExactly("month", "vendor");
    }

    private JsonNode performance(String vendorId, String range) {
        Reply reply = api.get("/api/v1/analytics/vendor-performance?groupBy=total&" + range + "&vendorId="
                + vendorId, analyst);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode items = reply.json().get("rows").get("items");
        return items.isEmpty() ? MissingNode.getInstance() : items.get(0);
    }

    private static JsonNode total(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode items = reply.json().get("rows").get("items");
        return items.isEmpty() ? MissingNode.getInstance() : items.get(0);
    }
}
