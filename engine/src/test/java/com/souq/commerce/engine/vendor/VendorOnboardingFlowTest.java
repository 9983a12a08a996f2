package com.souq.commerce.engine.vendor;

import static com.souq.commerce.engine.support.VendorRequests.application;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@EngineIntegrationTest
class VendorOnboardingFlowTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String seller;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        seller = api.token("seller-" + UUID.randomUUID(), "VENDOR");
        admin = api.token("admin-onboarding", "ADMIN");
    }

    @Test
    void sellerIsOnboardedFromApplicationToReinstatement() {
        Reply applied = apply(seller, "Cairo Parts", "EG", "EGP");
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String vendorId = applied.json().get("vendorId").asString();
        assertThat(applied.header("Location")).isEqualTo("/api/v1/vendors/" + vendorId);

        Reply kyc = api.post("/api/v1/vendors/" + vendorId + "/kyc-documents", seller,
                Map.of("documentType", "COMMERCIAL_REGISTRATION", "reference", "cr/2026/114455"));
        assertThat(kyc.status()).as(kyc.toString()).isEqualTo(202);
        assertThat(kyc.json().get("vendorId").asString()).isEqualTo(vendorId);

        JsonNode underReview = awaitVendor(vendorId, "UNDER_REVIEW");
        assertThat(underReview.get("displayName").asString()).isEqualTo("Cairo Parts");
        assertThat(underReview.get("country").asString()).isEqualTo("EG");
        assertThat(underReview.get("currency").asString()).isEqualTo("EGP");
        assertThat(underReview.get("commissionPlan").get("defaultRate").asInt()).isEqualTo(1000);
        assertThat(underReview.get("kycDocuments").get(0).get("documentType").asString())
                .isEqualTo("COMMERCIAL_REGISTRATION");
        assertThat(underReview.get("kycDocuments").get(0).get("reference").asString()).isEqualTo("cr/2026/114455");
        assertThat(underReview.get("version").asLong()).isEqualTo(1);

        assertThat(api.post("/api/v1/vendors/" + vendorId + "/approval", admin, null).status()).isEqualTo(202);
        awaitVendor(vendorId, "APPROVED");

        Reply suspended = api.post("/api/v1/vendors/" + vendorId + "/suspension", admin,
                Map.of("reason", "counterfeit parts reported"));
        assertThat(suspended.status()).isEqualTo(202);
        assertThat(awaitVendor(vendorId, "SUSPENDED").get("statusReason").asString())
                .isEqualTo("counterfeit parts reported");

        assertThat(api.post("/api/v1/vendors/" + vendorId + "/reinstatement", admin, null).status()).isEqualTo(202);
        awaitVendor(vendorId, "APPROVED");

        Reply plan = api.put("/api/v1/vendors/" + vendorId + "/commission-plan", admin,
                Map.of("defaultRate", 800, "categoryRates", Map.of("spare-parts", 600)), Map.of());
        assertThat(plan.status()).as(plan.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode vendor = api.get("/api/v1/vendors/" + vendorId, admin).json();
            assertThat(vendor.get("commissionPlan").get("defaultRate").asInt()).isEqualTo(800);
            assertThat(vendor.get("commissionPlan").get("categoryRates").get("spare-parts").asInt()).isEqualTo(600);
            assertThat(vendor.get("version").asLong()).isEqualTo(5);
        });
    }

    @Test
    void staffListVendorsByStatusNewestFirst() {
        String first = apply(seller, "Riyadh Tyres", "SA", "SAR").json().get("vendorId").asString();
        String second = apply(api.token("seller-" + UUID.randomUUID(), "VENDOR"), "Colombo Spares", "LK", "LKR")
                .json().get("vendorId").asString();
        awaitVendor(first, "APPLIED");
        awaitVendor(second, "APPLIED");

        Reply page = api.get("/api/v1/vendors?status=APPLIED&page=0&size=100", api.token("support-1", "SUPPORT"));
        assertThat(page.status()).isEqualTo(200);
        List<String> ids = page.json().get("items").valueStream().map(item -> item.get("vendorId").asString()).toList();
        assertThat(ids).containsSubsequence(second, first);
        assertThat(page.json().get("page").asInt()).isZero();
        assertThat(page.json().get("size").asInt()).isEqualTo(100);
        assertThat(page.json().get("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.json().get("items").valueStream().map(item -> item.get("status").asString()))
                .containsOnly("APPLIED");

        Reply approvedOnly = api.get("/api/v1/vendors?status=APPROVED&size=100", admin);
        assertThat(approvedOnly.json().get("items").valueStream().map(item -> item.get("vendorId").asString()))
                .doesNotContain(first, second);

        Reply onePerPage = api.get("/api/v1/vendors?size=1&page=1", admin);
        assertThat(onePerPage.json().get("items").size()).isEqualTo(1);
        assertThat(onePerPage.json().get("totalPages").asInt())
                .isEqualTo(onePerPage.json().get("totalItems").asInt());
    }

    @Test
    void applicantSeesItsOwnApplicationButNotAnothers() {
        String vendorId = apply(seller, "Alexandria Auto", "EG", "EGP").json().get("vendorId").asString();
        awaitVendor(vendorId, "APPLIED");

        Reply own = api.get("/api/v1/vendors/" + vendorId, seller);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.header("ETag")).isEqualTo("\"0\"");

        Reply other = api.get("/api/v1/vendors/" + vendorId, api.token("nosy-seller", "VENDOR"));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.contentType()).startsWith("application/problem+json");
    }

    @Test
    void commandWithStaleIfMatchIsRefusedAndCurrentOneAccepted() {
        String vendorId = apply(seller, "Kandy Motors", "LK", "LKR").json().get("vendorId").asString();
        api.post("/api/v1/vendors/" + vendorId + "/kyc-documents", seller,
                Map.of("documentType", "NATIONAL_ID", "reference", "nid-778899"));
        awaitVendor(vendorId, "UNDER_REVIEW");
        String etag = api.get("/api/v1/vendors/" + vendorId, admin).header("ETag");
        assertThat(etag).isEqualTo("\"1\"");

        Reply stale = api.post("/api/v1/vendors/" + vendorId + "/approval", admin, null, Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asString()).isEqualTo("STALE_VERSION");

        Reply current = api.post("/api/v1/vendors/" + vendorId + "/approval", admin, null, Map.of("If-Match", etag));
        assertThat(current.status()).isEqualTo(202);
        awaitVendor(vendorId, "APPROVED");
    }

    @Test
    void everyEventRecordsWhoCausedItAndTheFlowItBelongsTo() {
        String correlationId = "onboarding-" + UUID.randomUUID();
        Reply applied = api.post("/api/v1/vendors", seller, application("Giza Parts", "EG", "EGP"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "X-Correlation-Id", correlationId));
        assertThat(applied.header("X-Correlation-Id")).isEqualTo(correlationId);
        String vendorId = applied.json().get("vendorId").asString();

        Map<String, Object> event = jdbc.sql("""
                        SELECT event_type, event_revision, payload->>'displayName' AS display_name,
                               metadata->>'subject' AS subject, metadata->>'roles' AS roles,
                               metadata->>'correlationId' AS correlation_id
                          FROM event_journal WHERE aggregate_id = :id""")
                .param("id", vendorId).query().singleRow();
        assertThat(event).containsEntry("event_type", "com.souq.commerce.vendor.api.VendorAppliedEvent")
                .containsEntry("event_revision", "2")
                .containsEntry("display_name", "Giza Parts")
                .containsEntry("roles", "VENDOR")
                .containsEntry("correlation_id", correlationId);
        assertThat(event.get("subject")).asString().startsWith("seller-");
    }

    private Reply apply(String token, String displayName, String country, String currency) {
        return api.post("/api/v1/vendors", token, application(displayName, country, currency),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }


    private JsonNode awaitVendor(String vendorId, String status) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/v1/vendors/" + vendorId, admin),
                        reply -> reply.status() == 200 && reply.json().get("status").asString().equals(status))
                .json();
    }
}
