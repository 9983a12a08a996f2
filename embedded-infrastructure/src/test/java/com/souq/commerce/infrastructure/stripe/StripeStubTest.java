package com.souq.commerce.infrastructure.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeStubTest {

    private static final String KEY = "sk_test_stub";
    private static final String SECRET = "whsec_stub";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StripeStub stripe;

    @BeforeEach
    void start() {
        stripe = StripeStub.start(KEY, SECRET, "2026-07-29.dahlia");
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void visaUnderManualCaptureIsAuthorizedUntilCaptured() throws Exception {
        HttpResponse<String> created = post("/v1/payment_intents", intentFor(StripeStub.VISA), "k-create");
        assertThat(created.statusCode()).isEqualTo(200);
        DocumentContext intent = JsonPath.parse(created.body());
        String id = intent.read("$.id");
        assertThat(id).startsWith("pi_");
        assertThat(intent.<String>read("$.status")).isEqualTo("requires_capture");
        assertThat(intent.<Integer>read("$.amount_capturable")).isEqualTo(150_00);
        assertThat(intent.<String>read("$.metadata.paymentId")).isEqualTo("pay-1");
        assertThat(stripe.intentWithMetadata("paymentId", "pay-1")).contains(id);

        HttpResponse<String> captured = post("/v1/payment_intents/" + id + "/capture", "", "k-capture");
        assertThat(JsonPath.parse(captured.body()).<String>read("$.status")).isEqualTo("succeeded");
        assertThat(JsonPath.parse(captured.body()).<Integer>read("$.amount_received")).isEqualTo(150_00);
        assertThat(stripe.captures(id)).isEqualTo(1);
    }

    @Test
    void declinedCardIsA402CardErrorLeavingAnIntentWithoutPaymentMethod() throws Exception {
        HttpResponse<String> declined = post("/v1/payment_intents", intentFor(StripeStub.DECLINED), "k-decline");
        assertThat(declined.statusCode()).isEqualTo(402);
        DocumentContext error = JsonPath.parse(declined.body());
        assertThat(error.<String>read("$.error.type")).isEqualTo("card_error");
        assertThat(error.<String>read("$.error.decline_code")).isEqualTo("generic_decline");
        assertThat(error.<String>read("$.error.payment_intent.status")).isEqualTo("requires_payment_method");
    }

    @Test
    void threeDSecureRequiresARedirectUntilTheShopperCompletesIt() throws Exception {
        HttpResponse<String> created = post("/v1/payment_intents", intentFor(StripeStub.THREE_D_SECURE), "k-3ds");
        DocumentContext intent = JsonPath.parse(created.body());
        String id = intent.read("$.id");
        assertThat(intent.<String>read("$.status")).isEqualTo("requires_action");
        assertThat(intent.<String>read("$.next_action.type")).isEqualTo("redirect_to_url");
        assertThat(intent.<String>read("$.next_action.redirect_to_url.url")).startsWith(stripe.baseUrl());

        stripe.completeAction(id);
        HttpResponse<String> read = get("/v1/payment_intents/" + id);
        assertThat(JsonPath.parse(read.body()).<String>read("$.status")).isEqualTo("requires_capture");
    }

    @Test
    void sameIdempotencyKeyAnswersTheFirstResponseWithoutASecondEffect() throws Exception {
        String id = JsonPath.read(post("/v1/payment_intents", intentFor(StripeStub.VISA), "k-1").body(), "$.id");
        HttpResponse<String> first = post("/v1/payment_intents/" + id + "/capture", "", "k-2");
        HttpResponse<String> again = post("/v1/payment_intents/" + id + "/capture", "", "k-2");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(stripe.captures(id)).isEqualTo(1);
        assertThat(stripe.calls("POST", "/v1/payment_intents/" + id + "/capture")).isEqualTo(2);

        HttpResponse<String> otherKey = post("/v1/payment_intents/" + id + "/capture", "", "k-3");
        assertThat(otherKey.statusCode()).isEqualTo(400);
        assertThat(JsonPath.parse(otherKey.body()).<String>read("$.error.code"))
                .isEqualTo("payment_intent_unexpected_state");
        assertThat(stripe.captures(id)).isEqualTo(1);
    }

    @Test
    void sameIdempotencyKeyWithOtherParametersIsRefused() throws Exception {
        post("/v1/payment_intents", intentFor(StripeStub.VISA), "k-same");
        HttpResponse<String> other = post("/v1/payment_intents",
                intentFor(StripeStub.VISA).replace("amount=15000", "amount=16000"), "k-same");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(JsonPath.parse(other.body()).<String>read("$.error.type")).isEqualTo("idempotency_error");
    }

    @Test
    void cancelVoidsAnAuthorizationButNotACapture() throws Exception {
        String held = JsonPath.read(post("/v1/payment_intents", intentFor(StripeStub.VISA), "k-a").body(), "$.id");
        HttpResponse<String> voided = post("/v1/payment_intents/" + held + "/cancel", "", "k-b");
        assertThat(JsonPath.parse(voided.body()).<String>read("$.status")).isEqualTo("canceled");

        String taken = JsonPath.read(post("/v1/payment_intents", intentFor(StripeStub.VISA), "k-c").body(), "$.id");
        post("/v1/payment_intents/" + taken + "/capture", "", "k-d");
        assertThat(post("/v1/payment_intents/" + taken + "/cancel", "", "k-e").statusCode()).isEqualTo(400);
    }

    @Test
    void anotherApiKeyIsUnauthorized() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stripe.baseUrl()
                        + "/v1/payment_intents"))
                .header("Authorization", "Bearer sk_test_other")
                .POST(HttpRequest.BodyPublishers.ofString(intentFor(StripeStub.VISA))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void injectedFailuresAre500sThatChangeNothing() throws Exception {
        stripe.failNextRequests(1);
        assertThat(post("/v1/payment_intents", intentFor(StripeStub.VISA), "k-retry").statusCode()).isEqualTo(500);
        assertThat(stripe.intentWithMetadata("paymentId", "pay-1")).isEmpty();
        assertThat(post("/v1/payment_intents", intentFor(StripeStub.VISA), "k-retry").statusCode()).isEqualTo(200);
    }

    @Test
    void eventsCarryTheIntentAndAStripeSignature() throws Exception {
        String id = JsonPath.read(post("/v1/payment_intents", intentFor(StripeStub.VISA), "k-ev").body(), "$.id");
        StripeStub.SignedEvent event = stripe.event("payment_intent.amount_capturable_updated", id);

        DocumentContext payload = JsonPath.parse(event.payload());
        assertThat(payload.<String>read("$.api_version")).isEqualTo("2026-07-29.dahlia");
        assertThat(payload.<String>read("$.type")).isEqualTo("payment_intent.amount_capturable_updated");
        assertThat(payload.<String>read("$.data.object.id")).isEqualTo(id);
        long timestamp = Long.parseLong(event.signature().substring(2, event.signature().indexOf(',')));
        assertThat(event.signature()).isEqualTo(StripeStub.signature(event.payload(), SECRET, timestamp))
                .matches("t=\\d+,v1=[0-9a-f]{64}");
        assertThat(StripeStub.signature(event.payload(), "whsec_other", timestamp)).isNotEqualTo(event.signature());
    }

    @Test
    void playingAnActionOnAnIntentNotWaitingForOneIsAMistakeOfTheTest() throws Exception {
        String id = JsonPath.read(post("/v1/payment_intents", intentFor(StripeStub.VISA), "k-x").body(), "$.id");
        assertThatThrownBy(() -> stripe.completeAction(id)).isInstanceOf(IllegalStateException.class);
    }

    private static String intentFor(String paymentMethod) {
        return "amount=15000&currency=egp&capture_method=manual&confirm=true&payment_method=" + paymentMethod
                + "&metadata%5BpaymentId%5D=pay-1&metadata%5BorderId%5D=order-1";
    }

    private HttpResponse<String> post(String path, String form, String idempotencyKey)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stripe.baseUrl() + path))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stripe.baseUrl() + path))
                .header("Authorization", "Bearer " + KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
