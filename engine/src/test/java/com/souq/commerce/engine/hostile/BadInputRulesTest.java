package com.souq.commerce.engine.hostile;

import static com.souq.commerce.engine.support.Problems.assertInvalidField;
import static com.souq.commerce.engine.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Problems;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules the bad-input corpus ({@link BadInputCorpusTest}) found missing, one request each: what a JSON body, a
 * header or a path must be, and that refusals made before Spring MVC runs are problem details too.
 */
@EngineIntegrationTest
class BadInputRulesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Problems problems;
    String customer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        problems = new Problems(jdbc);
        customer = api.token("rules-" + UUID.randomUUID(), "CUSTOMER");
    }

    @Test
    void aTextFieldTakesOnlyAJsonString() {
        assertInvalidField(apply("""
                {"displayName":42,"legalName":"Rules LLC","country":"EG","currency":"EGP",
                 "contactEmail":"rules@example.com"}"""), "displayName");
    }

    @Test
    void anIntegerFieldTakesNeitherAFractionNorAString() {
        assertInvalidField(problems.writesNothing(() -> api.post("/api/v1/cart/lines", customer,
                "{\"listingId\":\"" + UUID.randomUUID() + "\",\"quantity\":1.5}")), "quantity");
        assertInvalidField(problems.writesNothing(() -> api.post("/api/v1/cart/lines", customer,
                "{\"listingId\":\"" + UUID.randomUUID() + "\",\"quantity\":\"1\"}")), "quantity");
    }

    @Test
    void textWithANulCharacterOrAnUnpairedSurrogateIsAnInvalidField() {
        assertInvalidField(apply("""
                {"displayName":"Nul\\u0000Parts","legalName":"Rules LLC","country":"EG","currency":"EGP",
                 "contactEmail":"rules@example.com"}"""), "displayName");
        assertInvalidField(apply("""
                {"displayName":"\\uD800","legalName":"Rules LLC","country":"EG","currency":"EGP",
                 "contactEmail":"rules@example.com"}"""), "displayName");
    }

    @Test
    void aMemberGivenTwiceIsAMalformedBody() {
        assertProblem(apply("""
                {"displayName":"Once","displayName":"Twice","legalName":"Rules LLC","country":"EG",
                 "currency":"EGP","contactEmail":"rules@example.com"}"""), 400, "MALFORMED_REQUEST_BODY");
    }

    @Test
    void aBodyThatIsNotStrictUtf8IsMalformed() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(utf8("{\"displayName\":\"a"));
        body.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF});
        body.writeBytes(utf8("\",\"legalName\":\"Rules LLC\",\"country\":\"EG\",\"currency\":\"EGP\","
                + "\"contactEmail\":\"rules@example.com\"}"));
        assertProblem(problems.writesNothing(() -> raw("POST", "/api/v1/vendors", body.toByteArray(),
                "Content-Type", "application/json", "Authorization", "Bearer " + customer,
                "Idempotency-Key", UUID.randomUUID().toString())), 400, "MALFORMED_REQUEST_BODY");
    }

    @Test
    void aJsonBodyIsDeclaredAsApplicationJsonInUtf8() {
        byte[] line = utf8("{\"listingId\":\"" + UUID.randomUUID() + "\",\"quantity\":1}");
        assertProblem(problems.writesNothing(() -> raw("POST", "/api/v1/cart/lines", line,
                "Content-Type", "application/json-patch+json", "Authorization", "Bearer " + customer)),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(problems.writesNothing(() -> raw("POST", "/api/v1/cart/lines", line,
                "Content-Type", "application/json; charset=UTF-16", "Authorization", "Bearer " + customer)),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aSecondAuthorizationHeaderIsUnauthenticated() {
        assertProblem(raw("GET", "/api/v1/vendors?size=1", null,
                "Authorization", "Bearer " + api.token("rules-admin", "ADMIN"), "Authorization", "Bearer garbage"),
                401, "UNAUTHENTICATED");
    }

    @Test
    void aSecondIdempotencyKeyIsRefused() {
        byte[] application = utf8("""
                {"displayName":"Two Keys","legalName":"Rules LLC","country":"EG","currency":"EGP",
                 "contactEmail":"rules@example.com"}""");
        assertProblem(problems.writesNothing(() -> raw("POST", "/api/v1/vendors", application,
                "Content-Type", "application/json", "Authorization", "Bearer " + customer,
                "Idempotency-Key", "first-" + UUID.randomUUID(), "Idempotency-Key", "second-" + UUID.randomUUID())),
                400, "INVALID_IDEMPOTENCY_KEY");
    }

    @Test
    void aPathTomcatRefusesIsAProblemWithACorrelationId() {
        Reply encodedSlash = api.get("/api/v1/listings/..%2F..%2Fetc%2Fpasswd", customer);
        assertProblem(encodedSlash, 400, "BAD_REQUEST");
        assertThat(encodedSlash.header("X-Correlation-Id")).isNotBlank();
    }

    @Test
    void aPathTheFirewallRefusesIsAProblem() {
        assertProblem(api.get("/api/v1/listings/a;jsessionid=1", customer), 400, "BAD_REQUEST");
        assertProblem(api.get("/api/v1/listings/%252e%252e", customer), 400, "BAD_REQUEST");
    }

    @Test
    void aQueryStringThatIsNotUtf8IsABadRequest() {
        assertProblem(api.get("/api/v1/search/listings?vendorId=%FF%FE", null), 400, "MALFORMED_QUERY_STRING");
    }

    /** A request exactly as given: headers may repeat, the body is sent byte for byte. */
    private Reply raw(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Reply apply(String body) {
        return problems.writesNothing(() -> api.post("/api/v1/vendors", customer, body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())));
    }
}
