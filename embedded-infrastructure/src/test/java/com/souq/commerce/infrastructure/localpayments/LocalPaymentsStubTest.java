package com.souq.commerce.infrastructure.localpayments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalPaymentsStubTest {

    private static final String KEY = "lp_key";
    private static final String SECRET = "lp_secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LocalPaymentsStub aggregator;

    @BeforeEach
    void start() {
        aggregator = LocalPaymentsStub.start("vodafone-cash", KEY, SECRET);
    }

    @AfterEach
    void stop() {
        aggregator.close();
    }

    @Test
    void aRequestWaitsForTheShopperThenIsPaidAndSignedBack() throws Exception {
        HttpResponse<String> created = send("POST", "/v1/payments", request("01001234567"), "k1", KEY);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JsonPath.read(created.body(), "$.id");
        assertThat(JsonPath.<String>read(created.body(), "$.status")).isEqualTo("pending");
        assertThat(JsonPath.<String>read(created.body(), "$.next_action_url")).isEqualTo(
                aggregator.baseUrl() + "/approve/" + id);
        assertThat(aggregator.paymentFor("pay-1")).contains(id);

        aggregator.approve(id);
        LocalPaymentsStub.SignedCallback callback = aggregator.callback(id);
        assertThat(JsonPath.<String>read(callback.body(), "$.status")).isEqualTo("paid");
        assertThat(JsonPath.<Integer>read(callback.body(), "$.amount_minor")).isEqualTo(1_140_00);
        assertThat(callback.signature()).isEqualTo(LocalPaymentsStub.signature(callback.body(), SECRET))
                .isNotEqualTo(LocalPaymentsStub.signature(callback.body(), "another"));
        assertThat(JsonPath.<String>read(send("GET", "/v1/payments/" + id, null, null, KEY).body(), "$.status"))
                .isEqualTo("paid");
    }

    @Test
    void aRepeatedKeyAnswersTheFirstResponseWithoutASecondPayment() throws Exception {
        HttpResponse<String> first = send("POST", "/v1/payments", request("01001234567"), "k1", KEY);
        HttpResponse<String> again = send("POST", "/v1/payments", request("01001234567"), "k1", KEY);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(aggregator.created()).isEqualTo(1);
        assertThat(send("POST", "/v1/payments", request("01009999999"), "k1", KEY).statusCode()).isEqualTo(422);
    }

    @Test
    void aPaidPaymentIsRefundedNotCancelledAndNeverBeyondWhatWasPaid() throws Exception {
        String id = JsonPath.read(send("POST", "/v1/payments", request("01001234567"), "k1", KEY).body(), "$.id");
        aggregator.approve(id);
        assertThat(send("POST", "/v1/payments/" + id + "/cancel", "{}", "k2", KEY).statusCode()).isEqualTo(409);
        assertThat(send("POST", "/v1/payments/" + id + "/refunds", "{\"amount_minor\":114001}", "k3", KEY)
                .statusCode()).isEqualTo(422);
        assertThat(send("POST", "/v1/payments/" + id + "/refunds", "{\"amount_minor\":114000}", "k4", KEY)
                .statusCode()).isEqualTo(201);
        send("POST", "/v1/payments/" + id + "/refunds", "{\"amount_minor\":114000}", "k4", KEY);
        assertThat(aggregator.refunded(id)).isEqualTo(1_140_00);
        assertThat(aggregator.status(id)).isEqualTo("refunded");
    }

    @Test
    void aPendingPaymentIsCancelledAndCanNoLongerBePaid() throws Exception {
        String id = JsonPath.read(send("POST", "/v1/payments", request("01001234567"), "k1", KEY).body(), "$.id");
        assertThat(JsonPath.<String>read(send("POST", "/v1/payments/" + id + "/cancel", "{}", "k2", KEY).body(),
                "$.status")).isEqualTo("cancelled");
        assertThatThrownBy(() -> aggregator.approve(id)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAWrongKeyADecliningPayerAndServesOutagesOnRequest() throws Exception {
        assertThat(send("POST", "/v1/payments", request("01001234567"), "k1", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> declined = send("POST", "/v1/payments", request("01000000000"), "k2", KEY);
        assertThat(JsonPath.<String>read(declined.body(), "$.status")).isEqualTo("failed");
        aggregator.failNextRequests(1);
        assertThat(send("POST", "/v1/payments", request("01001234567"), "k3", KEY).statusCode()).isEqualTo(503);
        assertThat(send("POST", "/v1/payments", request("01001234567"), "k3", KEY).statusCode()).isEqualTo(201);
    }

    private static String request(String payer) {
        return "{\"method\":\"vodafone-cash\",\"amount_minor\":114000,\"currency\":\"EGP\","
                + "\"merchant_reference\":\"pay-1\",\"order_reference\":\"order-1\",\"payer\":\"" + payer + "\","
                + "\"callback_url\":\"http://engine/cb\",\"return_url\":null}";
    }

    private HttpResponse<String> send(String method, String path, String body, String key, String apiKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(aggregator.baseUrl() + path))
                .header("Authorization", "Bearer " + apiKey)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
