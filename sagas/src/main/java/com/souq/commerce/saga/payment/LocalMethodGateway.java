package com.souq.commerce.saga.payment;

import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.money.Money;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * InstaPay, Vodafone Cash and mada through the aggregator a merchant reaches them by. We cannot reach these providers
 * from here, so this adapter follows the flow they share and is tested against {@code LocalPaymentsStub}; which parts
 * are the providers' and which are ours is said in the README ("Local payment methods").
 *
 * <p>The providers' documented flow, as far as this adapter relies on it: the shopper approves a payment away from
 * the merchant (a request to pay in the InstaPay app, the wallet's PIN for Vodafone Cash, the card's 3-D Secure page
 * for mada), the money is taken when the shopper approves (a sale: none of the three offers a separate capture to
 * merchants), the aggregator tells the merchant by a signed callback, and a paid payment is given back by a refund,
 * not a void.
 *
 * <p>Our assumptions (one aggregator API for all three, JSON): {@code POST /v1/payments} creates the request
 * ({@code pending} with a {@code next_action_url}, or {@code failed}); {@code GET /v1/payments/{id}} answers where it
 * stands ({@code pending}, {@code paid}, {@code failed}, {@code expired}, {@code cancelled}, {@code refunded});
 * {@code POST .../cancel} withdraws a pending request and {@code POST .../refunds} returns paid money. Every
 * {@code POST} carries its step's idempotency key; reads carry none (they change nothing).
 *
 * <p>In the engine's terms: the shopper's approval is the authorization (the money is already taken), capture only
 * confirms at the aggregator that the payment is still paid, and voiding withdraws a pending request or refunds a
 * paid one in full. 401/403, 408, 429, 5xx and network failures are {@link ProviderUnavailableException}s, retried
 * later with the same key; any other 4xx refuses the request, which declines the payment.
 */
public final class LocalMethodGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(LocalMethodGateway.class);

    private final PaymentProvider provider;
    private final LocalPaymentsProperties.LocalMethod settings;
    private final HttpClient http;
    private final JsonMapper json;

    public LocalMethodGateway(PaymentProvider provider, LocalPaymentsProperties.LocalMethod settings,
                              JsonMapper json) {
        if (methodOf(provider) == null) {
            throw new IllegalArgumentException(provider + " is not a local wallet or card method");
        }
        this.provider = provider;
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    }

    /** The method's name in the aggregator's API and in the engine's callback path. */
    public static String methodOf(PaymentProvider provider) {
        return switch (provider) {
            case INSTAPAY -> "instapay";
            case VODAFONE_CASH -> "vodafone-cash";
            case MADA -> "mada";
            default -> null;
        };
    }

    @Override
    public PaymentProvider provider() {
        return provider;
    }

    @Override
    public AuthorizationOutcome authorize(Authorization authorization) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("method", methodOf(provider));
        body.put("amount_minor", authorization.amount().minorUnits());
        body.put("currency", authorization.amount().currency().getCurrencyCode());
        body.put("merchant_reference", authorization.paymentId().value());
        body.put("order_reference", authorization.orderId().value());
        body.put("payer", authorization.method());
        body.put("callback_url", settings.callbackUrl());
        body.put("return_url", settings.returnUrl());
        Answer answer = call("POST", "/v1/payments", body, authorization.idempotencyKey(), "authorize");
        if (!answer.ok()) {
            return new AuthorizationOutcome.Declined(null, answer.reason());
        }
        return outcomeOf(answer.body());
    }

    @Override
    public CaptureOutcome capture(Capture capture) {
        Answer answer = call("GET", "/v1/payments/" + capture.reference(), null, null, "confirm");
        if (!answer.ok()) {
            return new CaptureOutcome.Refused(capture.reference(), answer.reason());
        }
        JsonNode payment = answer.body();
        String status = payment.path("status").asString("");
        if (!status.equals("paid")) {
            return new CaptureOutcome.Refused(capture.reference(), "the payment is " + status + " at "
                    + methodOf(provider));
        }
        return new CaptureOutcome.Captured(capture.reference(), moneyOf(payment));
    }

    @Override
    public CancellationOutcome cancel(Cancellation cancellation) {
        if (cancellation.reference() == null) {
            return new CancellationOutcome.Voided(null);
        }
        String path = "/v1/payments/" + cancellation.reference();
        Answer read = call("GET", path, null, null, "read");
        if (!read.ok()) {
            return new CancellationOutcome.Voided(cancellation.reference());
        }
        String status = read.body().path("status").asString("");
        if (status.equals("pending")) {
            Answer withdrawn = call("POST", path + "/cancel", Map.of(), cancellation.idempotencyKey(), "cancel");
            if (withdrawn.ok()) {
                return new CancellationOutcome.Voided(cancellation.reference());
            }
            // the shopper approved meanwhile (409 already_paid): the money is taken, give it back
            read = call("GET", path, null, null, "read");
            status = read.ok() ? read.body().path("status").asString("") : status;
        }
        if (status.equals("paid")) {
            long left = read.body().path("amount_minor").asLong() - read.body().path("refunded_minor").asLong(0);
            Answer refunded = call("POST", path + "/refunds", Map.of("amount_minor", left),
                    cancellation.idempotencyKey() + "-refund", "refund");
            if (!refunded.ok()) {
                return new CancellationOutcome.NotVoidable(cancellation.reference(), refunded.reason());
            }
            log.info("{} payment {} was paid after the engine gave it up: refunded {} minor units", provider,
                    cancellation.reference(), left);
        }
        return new CancellationOutcome.Voided(cancellation.reference());
    }

    @Override
    public boolean answersStatusQueries() {
        return true;
    }

    @Override
    public AuthorizationOutcome status(StatusQuery query) {
        Answer answer = call("GET", "/v1/payments/" + query.reference(), null, null, "read");
        if (!answer.ok()) {
            return new AuthorizationOutcome.Declined(query.reference(), answer.reason());
        }
        return outcomeOf(answer.body());
    }

    private AuthorizationOutcome outcomeOf(JsonNode payment) {
        String id = payment.path("id").asString(null);
        String status = payment.path("status").asString("");
        return switch (status) {
            case "paid" -> new AuthorizationOutcome.Authorized(id, moneyOf(payment));
            case "pending" -> new AuthorizationOutcome.ActionRequired(id, payment.path("next_action_url")
                    .asString(null));
            default -> new AuthorizationOutcome.Declined(id, status + ": " + payment.path("failure_reason")
                    .asString("the payment was not made"));
        };
    }

    private static Money moneyOf(JsonNode payment) {
        return Money.of(payment.path("amount_minor").asLong(),
                payment.path("currency").asString("").toUpperCase(Locale.ROOT));
    }

    /** The aggregator's answer: a 2xx body, or a refusal of this very request with its reason. */
    private record Answer(boolean ok, JsonNode body, String reason) {
    }

    private Answer call(String method, String path, Object body, String idempotencyKey, String step) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                .timeout(settings.readTimeout())
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body),
                            StandardCharsets.UTF_8));
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException unreachable) {
            throw new ProviderUnavailableException(provider + " did not " + step + ": " + unreachable, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException(provider + " did not " + step + ": interrupted", interrupted);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403 || status == 408 || status == 429 || status >= 500) {
            throw new ProviderUnavailableException(provider + " did not " + step + ": HTTP " + status + " "
                    + response.body());
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (JacksonException unreadable) {
            throw new ProviderUnavailableException(provider + " answered " + step + " with no JSON (HTTP " + status
                    + ")", unreadable);
        }
        if (status >= 200 && status < 300) {
            return new Answer(true, answer, null);
        }
        JsonNode error = answer.path("error");
        String reason = error.path("code").asString("http_" + status) + ": " + error.path("message").asString("");
        log.info("{} refused to {}: {}", provider, step, reason);
        return new Answer(false, answer, reason);
    }
}
