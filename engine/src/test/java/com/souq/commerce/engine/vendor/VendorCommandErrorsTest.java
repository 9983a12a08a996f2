package com.souq.commerce.engine.vendor;

import static com.souq.commerce.engine.support.VendorRequests.application;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Problems;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input to every vendor endpoint is a problem+json answer with a stable code, and writes nothing. */
@EngineIntegrationTest
class VendorCommandErrorsTest {

    private static final String UNKNOWN_VENDOR = "00000000-0000-4000-8000-000000000000";

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
        admin = api.token("admin-errors", "ADMIN");
    }

    @Test
    void requestWithoutTokenIsUnauthenticated() {
        Reply reply = writesNothing(() -> api.post("/api/v1/vendors", null, application("A", "EG", "EGP"),
                Map.of("Idempotency-Key", "k-1")));
        assertProblem(reply, 401, "UNAUTHENTICATED");
    }

    @Test
    void tokenWithWrongSignatureIsUnauthenticated() {
        String forged = seller.substring(0, seller.lastIndexOf('.') + 1) + "c2lnbmF0dXJlLWZvcmdlZA";
        assertProblem(api.get("/api/v1/vendors?size=1", forged), 401, "UNAUTHENTICATED");
    }

    @Test
    void customerCannotApproveVendors() {
        String vendorId = applied();
        Reply reply = writesNothing(() -> api.post("/api/v1/vendors/" + vendorId + "/approval",
                api.token("customer-1", "CUSTOMER"), null));
        assertProblem(reply, 403, "FORBIDDEN");
    }

    @Test
    void customerCannotListVendors() {
        assertProblem(api.get("/api/v1/vendors", api.token("customer-1", "CUSTOMER")), 403, "FORBIDDEN");
    }

    @Test
    void malformedJsonIsABadRequest() {
        Reply reply = writesNothing(() -> api.post("/api/v1/vendors", seller, "{\"displayName\": \"Cairo",
                Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        assertProblem(reply, 400, "MALFORMED_REQUEST_BODY");
    }

    @Test
    void missingFieldsAreListed() {
        Reply reply = writesNothing(() -> api.post("/api/v1/vendors", seller, Map.of("displayName", " "),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        assertProblem(reply, 400, "VALIDATION_FAILED");
        assertThat(reply.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("displayName", "legalName", "country", "currency", "contactEmail");
    }

    @Test
    void unknownCountryAndCurrencyAreInvalidFields() {
        Map<String, Object> body = new HashMap<>(application("Nowhere Parts", "XX", "EGP"));
        Reply country = writesNothing(() -> api.post("/api/v1/vendors", seller, body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        assertProblem(country, 400, "VALIDATION_FAILED");
        assertThat(country.json().get("errors").get(0).get("field").asString()).isEqualTo("country");

        body.put("country", "EG");
        body.put("currency", "egp");
        Reply currency = writesNothing(() -> api.post("/api/v1/vendors", seller, body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        assertProblem(currency, 400, "VALIDATION_FAILED");
        assertThat(currency.json().get("errors").get(0).get("field").asString()).isEqualTo("currency");
    }

    @Test
    void unknownFieldIsRefused() {
        Map<String, Object> body = new HashMap<>(application("Extra Parts", "EG", "EGP"));
        body.put("status", "APPROVED");
        Reply reply = writesNothing(() -> api.post("/api/v1/vendors", seller, body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        assertProblem(reply, 400, "VALIDATION_FAILED");
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
    }

    @Test
    void applicationNeedsAnIdempotencyKey() {
        Reply reply = writesNothing(() -> api.post("/api/v1/vendors", seller, application("Keyless", "EG", "EGP")));
        assertProblem(reply, 400, "MISSING_HEADER");
    }

    @Test
    void repeatedApplicationWithSameKeyAnswersTheFirstResultAndAppliesOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = application("Once Only Motors", "SA", "SAR");
        Reply first = api.post("/api/v1/vendors", seller, body, Map.of("Idempotency-Key", key));
        Reply repeat = writesNothing(() -> api.post("/api/v1/vendors", seller, body, Map.of("Idempotency-Key", key)));

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void sameKeyForAnotherRequestIsUnprocessable() {
        String key = UUID.randomUUID().toString();
        api.post("/api/v1/vendors", seller, application("First Body", "EG", "EGP"), Map.of("Idempotency-Key", key));
        Reply reply = writesNothing(() -> api.post("/api/v1/vendors", seller,
                application("Second Body", "EG", "EGP"), Map.of("Idempotency-Key", key)));
        assertProblem(reply, 422, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void sameKeyFromAnotherCallerIsIndependent() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = application("Shared Key Parts", "EG", "EGP");
        Reply mine = api.post("/api/v1/vendors", seller, body, Map.of("Idempotency-Key", key));
        Reply theirs = api.post("/api/v1/vendors", api.token("seller-" + UUID.randomUUID(), "VENDOR"), body,
                Map.of("Idempotency-Key", key));
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().get("vendorId")).isNotEqualTo(mine.json().get("vendorId"));
    }

    @Test
    void unknownVendorIsNotFound() {
        assertProblem(writesNothing(() -> api.post("/api/v1/vendors/" + UNKNOWN_VENDOR + "/approval", admin, null)),
                404, "NOT_FOUND");
        assertProblem(api.get("/api/v1/vendors/" + UNKNOWN_VENDOR, admin), 404, "NOT_FOUND");
    }

    @Test
    void malformedVendorIdIsABadRequest() {
        assertProblem(writesNothing(() -> api.post("/api/v1/vendors/%27%20OR%201%3D1--/approval", admin, null)),
                400, "INVALID_IDENTIFIER");
        assertProblem(api.get("/api/v1/vendors/not-a-vendor", admin), 400, "INVALID_IDENTIFIER");
    }

    @Test
    void approvingAVendorWithoutDocumentsIsAConflict() {
        String vendorId = applied();
        Reply reply = writesNothing(() -> api.post("/api/v1/vendors/" + vendorId + "/approval", admin, null));
        assertProblem(reply, 409, "ILLEGAL_STATE_TRANSITION");
        assertThat(reply.json().get("detail").asString()).isEqualTo("A vendor in state APPLIED cannot be approved");
    }

    @Test
    void onlyTheApplicantSubmitsDocuments() {
        String vendorId = applied();
        Reply reply = writesNothing(() -> api.post("/api/v1/vendors/" + vendorId + "/kyc-documents",
                api.token("someone-else", "VENDOR"), Map.of("documentType", "PASSPORT", "reference", "p-1")));
        assertProblem(reply, 403, "NOT_THE_APPLICANT");
    }

    @Test
    void unknownDocumentTypeIsAnInvalidField() {
        String vendorId = applied();
        Reply reply = writesNothing(() -> api.post("/api/v1/vendors/" + vendorId + "/kyc-documents", seller,
                Map.of("documentType", "SELFIE", "reference", "s-1")));
        assertProblem(reply, 400, "VALIDATION_FAILED");
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("documentType");
    }

    @Test
    void commissionRateAboveOneHundredPercentIsAnInvalidField() {
        String vendorId = applied();
        Reply reply = writesNothing(() -> api.put("/api/v1/vendors/" + vendorId + "/commission-plan", admin,
                Map.of("defaultRate", 10_001), Map.of()));
        assertProblem(reply, 400, "VALIDATION_FAILED");
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("defaultRate");
    }

    @Test
    void malformedIfMatchIsABadRequest() {
        String vendorId = applied();
        Reply reply = writesNothing(() -> api.post("/api/v1/vendors/" + vendorId + "/approval", admin, null,
                Map.of("If-Match", "yesterday")));
        assertProblem(reply, 400, null);
    }

    @Test
    void pageSizeAboveTheMaximumIsABadRequest() {
        Reply reply = api.get("/api/v1/vendors?size=1000", admin);
        assertProblem(reply, 400, "VALIDATION_FAILED");
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
        assertProblem(api.get("/api/v1/vendors?status=SLEEPING", admin), 400, null);
    }

    private String applied() {
        String vendorId = api.post("/api/v1/vendors", seller, application("Errors Test Parts", "EG", "EGP"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).json().get("vendorId").asString();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/vendors/" + vendorId, admin).status() == 200);
        return vendorId;
    }

    private Reply writesNothing(Supplier<Reply> request) {
        return new Problems(jdbc).writesNothing(request);
    }

    private static void assertProblem(Reply reply, int status, String code) {
        Problems.assertProblem(reply, status, code);
    }
}
