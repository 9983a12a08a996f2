package com.souq.commerce.infrastructure.localpayments;

import com.souq.commerce.infrastructure.stripe.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for the payment aggregator behind one local method (InstaPay, Vodafone Cash or mada), on an
 * ephemeral port of 127.0.0.1, for tests of the engine's local-method adapter and of the whole engine. It plays the
 * flow these methods share: the merchant creates a payment request, the shopper approves it away from the merchant
 * (InstaPay app, wallet PIN, the card's 3-D Secure page), the aggregator settles it at once (a sale: there is no
 * separate capture) and calls the merchant back with a signed callback; the merchant may ask where a payment stands,
 * cancel one still pending, and refund one paid. The endpoints, JSON fields and signature are this engine's
 * assumption of a typical aggregator, not any provider's published API:
 * <ul>
 *   <li>{@code POST /v1/payments} {@code {method, amount_minor, currency, merchant_reference, order_reference,
 *       payer, callback_url, return_url}}: 201 with the payment, {@code pending} and a {@code next_action_url}
 *       where the shopper approves, or {@code failed} at once for a payer ending in {@value #DECLINING_SUFFIX};</li>
 *   <li>{@code GET /v1/payments/{id}}; {@code POST /v1/payments/{id}/cancel} (409 {@code already_paid} once paid);
 *       {@code POST /v1/payments/{id}/refunds} {@code {amount_minor}} (422 beyond what is left);</li>
 *   <li>the bearer key must be the stub's, or 401; a {@code POST}'s {@code Idempotency-Key} seen before answers the
 *       first response again without a second effect, with another body it is a 422 {@code idempotency_key_reused};
 *       {@link #failNextRequests} answers 503s;</li>
 *   <li>{@link #callback} builds the callback the aggregator would send: a flat JSON body and
 *       {@code X-Signature: <hex HMAC-SHA256(callback secret, body)>}.</li>
 * </ul>
 */
public final class LocalPaymentsStub implements AutoCloseable {

    /** A payer (wallet number, InstaPay address, card token) ending so is declined at once. */
    public static final String DECLINING_SUFFIX = "0000";
    public static final String SIGNATURE_HEADER = "X-Signature";

    private static final Pattern PAYMENT_PATH = Pattern.compile("/v1/payments/([A-Za-z0-9_]+)(/cancel|/refunds)?");
    private static final Pattern FLAT_PAIR = Pattern.compile(
            "\"([^\"\\\\]+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|-?[0-9]+|true|false|null)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String method;
    private final String apiKey;
    private final String callbackSecret;
    private final Map<String, Payment> payments = new LinkedHashMap<>();
    private final Map<String, Replay> idempotent = new HashMap<>();
    private final Map<String, AtomicInteger> calls = new HashMap<>();
    private int failuresToServe;

    private LocalPaymentsStub(String method, String apiKey, String callbackSecret) throws IOException {
        this.method = method;
        this.apiKey = apiKey;
        this.callbackSecret = callbackSecret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "local-payments-stub-" + method);
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** A stub for {@code method} ({@code instapay}, {@code vodafone-cash}, {@code mada}) with its key and secret. */
    public static LocalPaymentsStub start(String method, String apiKey, String callbackSecret) {
        try {
            return new LocalPaymentsStub(method, apiKey, callbackSecret);
        } catch (IOException e) {
            throw new UncheckedIOException("The local payments stub could not listen on 127.0.0.1", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String method() {
        return method;
    }

    public String apiKey() {
        return apiKey;
    }

    public String callbackSecret() {
        return callbackSecret;
    }

    /** How many requests reached {@code method path} (replays included), e.g. {@code POST /v1/payments}. */
    public synchronized int calls(String httpMethod, String path) {
        AtomicInteger count = calls.get(httpMethod + " " + path);
        return count == null ? 0 : count.get();
    }

    /** The payment created for the merchant's reference (the engine's payment id). */
    public synchronized Optional<String> paymentFor(String merchantReference) {
        return payments.values().stream().filter(payment -> payment.merchantReference.equals(merchantReference))
                .map(payment -> payment.id).findFirst();
    }

    public synchronized String status(String paymentId) {
        return payment(paymentId).status;
    }

    /** How much was refunded of the payment, in minor units (an idempotent replay refunds nothing). */
    public synchronized long refunded(String paymentId) {
        return payment(paymentId).refundedMinor;
    }

    /** How many payments were really created (an idempotent replay creates nothing). */
    public synchronized int created() {
        return payments.size();
    }

    /** The next {@code count} API requests fail with a 503 before doing anything. */
    public synchronized void failNextRequests(int count) {
        failuresToServe = count;
    }

    /** The shopper approved: the money is taken ({@code paid}). Refused unless the payment is pending. */
    public synchronized void approve(String paymentId) {
        settle(paymentId, "paid", null);
    }

    /** The shopper refused, or the wallet had too little: {@code failed}. */
    public synchronized void decline(String paymentId, String reason) {
        settle(paymentId, "failed", reason);
    }

    /** The shopper never answered: {@code expired}. */
    public synchronized void expire(String paymentId) {
        settle(paymentId, "expired", "request_expired");
    }

    /** The callback the aggregator sends about the payment as it is now, signed with the stub's callback secret. */
    public synchronized SignedCallback callback(String paymentId) {
        Payment payment = payment(paymentId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_id", "evt_" + random(20));
        body.put("payment_id", payment.id);
        body.put("merchant_reference", payment.merchantReference);
        body.put("method", method);
        body.put("status", payment.status);
        body.put("amount_minor", payment.amountMinor);
        body.put("currency", payment.currency);
        body.put("failure_reason", payment.failureReason);
        String json = Json.write(body);
        return new SignedCallback(json, signature(json, callbackSecret));
    }

    /** {@code X-Signature}: the lower-case hex HMAC-SHA256 of the raw body under {@code secret}. */
    public static String signature(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** A callback body and its {@code X-Signature} header. */
    public record SignedCallback(String body, String signature) {
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Response response = handle(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (response.replayed()) {
                exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
            }
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private synchronized Response handle(String httpMethod, String path, String body, String authorization,
                                         String idempotencyKey) {
        calls.computeIfAbsent(httpMethod + " " + path, key -> new AtomicInteger()).incrementAndGet();
        if (authorization == null || !authorization.equals("Bearer " + apiKey)) {
            return error(401, "unauthorized", "Invalid API key");
        }
        if (failuresToServe > 0) {
            failuresToServe--;
            return error(503, "unavailable", "The aggregator is briefly unavailable");
        }
        boolean post = httpMethod.equals("POST");
        if (post && idempotencyKey == null) {
            return error(400, "idempotency_key_required", "Every POST carries an Idempotency-Key");
        }
        String fingerprint = httpMethod + " " + path + " " + body;
        if (post) {
            Replay first = idempotent.get(idempotencyKey);
            if (first != null) {
                return first.fingerprint().equals(fingerprint)
                        ? new Response(first.response().status(), first.response().body(), true)
                        : error(422, "idempotency_key_reused", "The key was used with another request");
            }
        }
        Response response = route(httpMethod, path, body);
        if (post && response.status() < 500) {
            idempotent.put(idempotencyKey, new Replay(fingerprint, response));
        }
        return response;
    }

    private Response route(String httpMethod, String path, String body) {
        if (httpMethod.equals("POST") && path.equals("/v1/payments")) {
            return create(read(body));
        }
        Matcher matcher = PAYMENT_PATH.matcher(path);
        if (!matcher.matches() || !payments.containsKey(matcher.group(1))) {
            return error(404, "not_found", "No such payment: " + path);
        }
        Payment payment = payments.get(matcher.group(1));
        String action = matcher.group(2);
        if (httpMethod.equals("GET") && action == null) {
            return new Response(200, payment.json(baseUrl()), false);
        }
        if (httpMethod.equals("POST") && "/cancel".equals(action)) {
            return cancel(payment);
        }
        if (httpMethod.equals("POST") && "/refunds".equals(action)) {
            return refund(payment, read(body));
        }
        return error(405, "method_not_allowed", httpMethod + " " + path);
    }

    private Response create(Map<String, String> request) {
        String amount = request.get("amount_minor");
        String currency = request.get("currency");
        String reference = request.get("merchant_reference");
        String payer = request.get("payer");
        if (!method.equals(request.get("method"))) {
            return error(422, "unsupported_method", "This account accepts " + method + ", not "
                    + request.get("method"));
        }
        if (amount == null || !amount.matches("[1-9][0-9]{0,15}") || currency == null || reference == null
                || payer == null || request.get("callback_url") == null) {
            return error(400, "invalid_request", "amount_minor, currency, merchant_reference, payer and callback_url "
                    + "are required");
        }
        Payment payment = new Payment("lp_" + random(20), reference, Long.parseLong(amount), currency);
        if (payer.endsWith(DECLINING_SUFFIX)) {
            payment.status = "failed";
            payment.failureReason = "payer_declined: the payer's account refused the payment";
        }
        payments.put(payment.id, payment);
        return new Response(201, payment.json(baseUrl()), false);
    }

    private Response cancel(Payment payment) {
        switch (payment.status) {
            case "pending" -> payment.status = "cancelled";
            case "paid", "refunded" -> {
                return error(409, "already_paid", "The payment was paid: refund it instead");
            }
            default -> {
                // failed, expired or cancelled: nothing is pending any longer
            }
        }
        return new Response(200, payment.json(baseUrl()), false);
    }

    private Response refund(Payment payment, Map<String, String> request) {
        String amount = request.get("amount_minor");
        if (amount == null || !amount.matches("[1-9][0-9]{0,15}")) {
            return error(400, "invalid_request", "amount_minor is required");
        }
        long asked = Long.parseLong(amount);
        if (!payment.status.equals("paid") && !payment.status.equals("refunded")) {
            return error(409, "not_paid", "Only a paid payment is refunded; it is " + payment.status);
        }
        if (asked > payment.amountMinor - payment.refundedMinor) {
            return error(422, "amount_too_large", "Only " + (payment.amountMinor - payment.refundedMinor)
                    + " is left to refund");
        }
        payment.refundedMinor += asked;
        if (payment.refundedMinor == payment.amountMinor) {
            payment.status = "refunded";
        }
        return new Response(201, Json.write(Map.of("id", "rf_" + random(16), "payment_id", payment.id,
                "amount_minor", asked, "status", "succeeded")), false);
    }

    private void settle(String paymentId, String status, String reason) {
        Payment payment = payment(paymentId);
        if (!payment.status.equals("pending")) {
            throw new IllegalStateException("Payment " + paymentId + " is " + payment.status + ", not pending");
        }
        payment.status = status;
        payment.failureReason = reason;
    }

    private Payment payment(String paymentId) {
        Payment payment = payments.get(paymentId);
        if (payment == null) {
            throw new IllegalArgumentException("No payment " + paymentId);
        }
        return payment;
    }

    /** Reads a flat JSON object of strings, integers, booleans and nulls (all this API takes). */
    static Map<String, String> read(String json) {
        Map<String, String> values = new HashMap<>();
        Matcher pair = FLAT_PAIR.matcher(json == null ? "" : json);
        while (pair.find()) {
            String raw = pair.group(2);
            values.put(pair.group(1), raw.startsWith("\"") ? pair.group(3).replace("\\\"", "\"")
                    : raw.equals("null") ? null : raw);
        }
        return values;
    }

    private static Response error(int status, String code, String message) {
        return new Response(status, Json.write(Map.of("error", Map.of("code", code, "message", message))), false);
    }

    private static String random(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static final class Payment {
        private final String id;
        private final String merchantReference;
        private final long amountMinor;
        private final String currency;
        private String status = "pending";
        private String failureReason;
        private long refundedMinor;

        private Payment(String id, String merchantReference, long amountMinor, String currency) {
            this.id = id;
            this.merchantReference = merchantReference;
            this.amountMinor = amountMinor;
            this.currency = currency;
        }

        private String json(String baseUrl) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", id);
            out.put("status", status);
            out.put("amount_minor", amountMinor);
            out.put("currency", currency);
            out.put("merchant_reference", merchantReference);
            out.put("refunded_minor", refundedMinor);
            out.put("next_action_url", status.equals("pending") ? baseUrl + "/approve/" + id : null);
            out.put("failure_reason", failureReason);
            return Json.write(out);
        }
    }

    private record Response(int status, String body, boolean replayed) {
    }

    private record Replay(String fingerprint, Response response) {
    }
}
