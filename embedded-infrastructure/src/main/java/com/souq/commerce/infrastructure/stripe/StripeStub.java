package com.souq.commerce.infrastructure.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for Stripe's PaymentIntents API, on an ephemeral port of 127.0.0.1, for tests of the Stripe adapter
 * and of the whole engine. It answers exactly what the engine calls, as Stripe does:
 * <ul>
 *   <li>{@code POST /v1/payment_intents} (form-encoded, confirmed at once), {@code POST .../{id}/capture},
 *       {@code POST .../{id}/cancel} and {@code GET .../{id}};</li>
 *   <li>{@code POST /v1/refunds} of a captured intent ({@code payment_intent}, {@code amount}, metadata): succeeds
 *       at once, and refuses ({@code amount_too_large}) more than the intent received and has not refunded yet; or
 *       answers {@code failed} after {@link #failNextRefunds};</li>
 *   <li>the bearer key must be the stub's, or 401;</li>
 *   <li>an {@code Idempotency-Key} seen before answers the first response again without a second effect; the same
 *       key with other parameters is a 400 {@code idempotency_error};</li>
 *   <li>Stripe's test payment methods decide the outcome: {@value #VISA} authorizes ({@code requires_capture} under
 *       manual capture), {@value #DECLINED} is a 402 {@code card_error}, {@value #THREE_D_SECURE} asks for
 *       {@code requires_action} with a {@code redirect_to_url}, which {@link #completeAction} or
 *       {@link #failAction} then plays.</li>
 * </ul>
 * It counts requests and effects ({@link #captures}) and builds webhook events signed the way Stripe signs them
 * ({@link #event}), with the API version the caller's Stripe library expects (its payloads are not read otherwise).
 */
public final class StripeStub implements AutoCloseable {

    public static final String VISA = "pm_card_visa";
    public static final String DECLINED = "pm_card_chargeDeclined";
    public static final String THREE_D_SECURE = "pm_card_threeDSecure2Required";

    private static final Pattern INTENT_PATH = Pattern.compile("/v1/payment_intents/([A-Za-z0-9_]+)(/capture|/cancel)?");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String apiKey;
    private final String webhookSecret;
    private final String apiVersion;
    private final Map<String, Intent> intents = new LinkedHashMap<>();
    private final Map<String, Replay> idempotent = new HashMap<>();
    private final Map<String, AtomicInteger> calls = new HashMap<>();
    private final Map<String, AtomicInteger> captures = new HashMap<>();
    private final Map<String, AtomicInteger> refunds = new HashMap<>();
    private int failuresToServe;
    private int refundFailuresToServe;

    private StripeStub(String apiKey, String webhookSecret, String apiVersion) throws IOException {
        this.apiKey = apiKey;
        this.webhookSecret = webhookSecret;
        this.apiVersion = apiVersion;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "stripe-stub");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /**
     * Starts a stub that accepts {@code apiKey}, signs webhooks with {@code webhookSecret} and stamps events with
     * {@code apiVersion} (pass {@code com.stripe.Stripe.API_VERSION}: the library reads no other version's objects).
     */
    public static StripeStub start(String apiKey, String webhookSecret, String apiVersion) {
        try {
            return new StripeStub(apiKey, webhookSecret, apiVersion);
        } catch (IOException e) {
            throw new UncheckedIOException("The Stripe stub could not listen on 127.0.0.1", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the API base to give the Stripe client. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String apiKey() {
        return apiKey;
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    /** How many requests reached {@code method path} (replays included), e.g. {@code POST /v1/payment_intents}. */
    public synchronized int calls(String method, String path) {
        AtomicInteger count = calls.get(method + " " + path);
        return count == null ? 0 : count.get();
    }

    /** How many times the intent was really captured (an idempotent replay captures nothing). */
    public synchronized int captures(String intentId) {
        AtomicInteger count = captures.get(intentId);
        return count == null ? 0 : count.get();
    }

    /** The intent created with {@code metadata[key] = value}, such as the engine's payment id. */
    public synchronized Optional<String> intentWithMetadata(String key, String value) {
        return intents.values().stream()
                .filter(intent -> value.equals(intent.metadata.get(key)))
                .map(intent -> intent.id)
                .findFirst();
    }

    public synchronized String status(String intentId) {
        return intent(intentId).status;
    }

    /** How many refunds of the intent were really made (an idempotent replay refunds nothing). */
    public synchronized int refunds(String intentId) {
        AtomicInteger count = refunds.get(intentId);
        return count == null ? 0 : count.get();
    }

    /** What the intent has refunded in all, in minor units. */
    public synchronized long amountRefunded(String intentId) {
        return intent(intentId).amountRefunded;
    }

    /** The next {@code count} refunds are created with status {@code failed} (the bank refused them). */
    public synchronized void failNextRefunds(int count) {
        refundFailuresToServe = count;
    }

    /** The next {@code count} API requests fail with a 500 {@code api_error} before doing anything. */
    public synchronized void failNextRequests(int count) {
        failuresToServe = count;
    }

    /** The shopper passed 3-D Secure: the intent is authorized ({@code requires_capture}). */
    public synchronized void completeAction(String intentId) {
        Intent intent = intent(intentId);
        requireStatus(intent, "requires_action");
        intent.nextAction = null;
        intent.authorize();
    }

    /** The shopper failed 3-D Secure: the intent wants another payment method, nothing is held. */
    public synchronized void failAction(String intentId) {
        Intent intent = intent(intentId);
        requireStatus(intent, "requires_action");
        intent.nextAction = null;
        intent.status = "requires_payment_method";
        intent.lastPaymentError = cardError("authentication_required", null,
                "The shopper failed to authenticate this payment.");
    }

    /**
     * A webhook event of {@code type} carrying the intent as it is now, signed with the stub's webhook secret at the
     * current time.
     */
    public synchronized SignedEvent event(String type, String intentId) {
        Map<String, Object> event = new LinkedHashMap<>();
        String id = "evt_" + random(24);
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", apiVersion);
        event.put("created", Instant.now().getEpochSecond());
        event.put("data", Map.of("object", intent(intentId).toJson()));
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", null);
        request.put("idempotency_key", null);
        event.put("request", request);
        event.put("type", type);
        String payload = Json.write(event);
        return new SignedEvent(id, payload, signature(payload, webhookSecret, Instant.now().getEpochSecond()));
    }

    /** Stripe's {@code Stripe-Signature} header: {@code t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + payload)>}. */
    public static String signature(String payload, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** A webhook body and the {@code Stripe-Signature} header to send with it. */
    public record SignedEvent(String id, String payload, String signature) {
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> form = new TreeMap<>(parseForm(method.equals("GET")
                    ? exchange.getRequestURI().getRawQuery() : body));
            Response response = handle(method, path, form,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Request-Id", "req_" + random(14));
            if (response.replayed()) {
                exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
            }
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private synchronized Response handle(String method, String path, Map<String, String> form, String authorization,
                                         String idempotencyKey) {
        calls.computeIfAbsent(method + " " + path, key -> new AtomicInteger()).incrementAndGet();
        if (authorization == null || !authorization.equals("Bearer " + apiKey)) {
            return error(401, "invalid_request_error", null, "Invalid API Key provided", null);
        }
        if (failuresToServe > 0) {
            failuresToServe--;
            return error(500, "api_error", null, "An unexpected error occurred on Stripe's side", null);
        }
        boolean replayable = idempotencyKey != null && method.equals("POST");
        String fingerprint = method + " " + path + " " + form;
        if (replayable) {
            Replay first = idempotent.get(idempotencyKey);
            if (first != null) {
                if (!first.fingerprint().equals(fingerprint)) {
                    return error(400, "idempotency_error", null, "Keys for idempotent requests can only be used "
                            + "with the same parameters they were first used with. Try using a key other than '"
                            + idempotencyKey + "' if you meant to execute a different request.", null);
                }
                return first.response().replay();
            }
        }
        Response response = route(method, path, form);
        if (replayable) {
            idempotent.put(idempotencyKey, new Replay(fingerprint, response));
        }
        return response;
    }

    private Response route(String method, String path, Map<String, String> form) {
        if (path.equals("/v1/payment_intents") && method.equals("POST")) {
            return create(form);
        }
        if (path.equals("/v1/refunds") && method.equals("POST")) {
            return refund(form);
        }
        Matcher matcher = INTENT_PATH.matcher(path);
        if (!matcher.matches()) {
            return error(404, "invalid_request_error", null, "Unrecognized request URL (" + method + ": " + path
                    + ")", null);
        }
        Intent intent = intents.get(matcher.group(1));
        if (intent == null) {
            return error(404, "invalid_request_error", "resource_missing",
                    "No such payment_intent: '" + matcher.group(1) + "'", null);
        }
        String action = matcher.group(2);
        if (action == null && method.equals("GET")) {
            return ok(intent);
        }
        if ("/capture".equals(action) && method.equals("POST")) {
            return capture(intent, form);
        }
        if ("/cancel".equals(action) && method.equals("POST")) {
            return cancel(intent, form);
        }
        return error(404, "invalid_request_error", null, "Unrecognized request URL (" + method + ": " + path + ")",
                null);
    }

    private Response create(Map<String, String> form) {
        long amount;
        try {
            amount = Long.parseLong(form.getOrDefault("amount", ""));
        } catch (NumberFormatException e) {
            return error(400, "invalid_request_error", "parameter_missing", "Missing required param: amount.", null);
        }
        if (amount < 1) {
            return error(400, "invalid_request_error", "amount_too_small",
                    "Amount must be at least 1 in minor units", null);
        }
        String currency = form.get("currency");
        if (currency == null || !currency.equals(currency.toLowerCase())) {
            return error(400, "invalid_request_error", "parameter_invalid_string",
                    "Invalid currency: " + currency + ". Stripe currencies are lower case.", null);
        }
        String paymentMethod = form.get("payment_method");
        if (paymentMethod != null && !List.of(VISA, DECLINED, THREE_D_SECURE).contains(paymentMethod)) {
            return error(400, "invalid_request_error", "resource_missing",
                    "No such PaymentMethod: '" + paymentMethod + "'", null);
        }
        Intent intent = new Intent("pi_" + random(24), amount, currency,
                form.getOrDefault("capture_method", "automatic_async"), paymentMethod, form.get("return_url"));
        form.forEach((key, value) -> {
            if (key.startsWith("metadata[") && key.endsWith("]")) {
                intent.metadata.put(key.substring("metadata[".length(), key.length() - 1), value);
            }
        });
        intents.put(intent.id, intent);
        if (!"true".equals(form.get("confirm")) || paymentMethod == null) {
            intent.status = paymentMethod == null ? "requires_payment_method" : "requires_confirmation";
            return ok(intent);
        }
        switch (paymentMethod) {
            case DECLINED -> {
                intent.status = "requires_payment_method";
                intent.lastPaymentError = cardError("card_declined", "generic_decline", "Your card was declined.");
                Map<String, Object> error = new LinkedHashMap<>(intent.lastPaymentError);
                error.put("payment_intent", intent.toJson());
                return new Response(402, Json.write(Map.of("error", error)), false);
            }
            case THREE_D_SECURE -> {
                intent.status = "requires_action";
                Map<String, Object> redirect = new LinkedHashMap<>();
                redirect.put("return_url", intent.returnUrl);
                redirect.put("url", baseUrl() + "/3d_secure_2/hosted?payment_intent=" + intent.id);
                Map<String, Object> nextAction = new LinkedHashMap<>();
                nextAction.put("type", "redirect_to_url");
                nextAction.put("redirect_to_url", redirect);
                intent.nextAction = nextAction;
            }
            default -> intent.authorize();
        }
        return ok(intent);
    }

    private Response capture(Intent intent, Map<String, String> form) {
        if (!intent.status.equals("requires_capture")) {
            return unexpectedState(intent, "captured", "requires_capture");
        }
        long amount = form.containsKey("amount_to_capture") ? Long.parseLong(form.get("amount_to_capture"))
                : intent.amountCapturable;
        if (amount > intent.amountCapturable) {
            return error(400, "invalid_request_error", "amount_too_large", "The amount to capture ("
                    + amount + ") is greater than the amount capturable (" + intent.amountCapturable + ")", null);
        }
        intent.status = "succeeded";
        intent.amountReceived = amount;
        intent.amountCapturable = 0;
        captures.computeIfAbsent(intent.id, key -> new AtomicInteger()).incrementAndGet();
        return ok(intent);
    }

    private Response refund(Map<String, String> form) {
        Intent intent = intents.get(form.get("payment_intent"));
        if (intent == null) {
            return error(404, "invalid_request_error", "resource_missing",
                    "No such payment_intent: '" + form.get("payment_intent") + "'", null);
        }
        if (!intent.status.equals("succeeded")) {
            return error(400, "invalid_request_error", "charge_not_captured", "This PaymentIntent has no captured "
                    + "charge to refund: its status is " + intent.status + ".", null);
        }
        long left = intent.amountReceived - intent.amountRefunded;
        long amount;
        try {
            amount = form.containsKey("amount") ? Long.parseLong(form.get("amount")) : left;
        } catch (NumberFormatException e) {
            return error(400, "invalid_request_error", "parameter_invalid_integer", "Invalid integer: "
                    + form.get("amount"), null);
        }
        if (amount < 1 || amount > left) {
            return error(400, "invalid_request_error", "amount_too_large", "Refund amount (" + amount
                    + ") is greater than unrefunded amount on charge (" + left + ")", null);
        }
        Map<String, Object> refund = new LinkedHashMap<>();
        refund.put("id", "re_" + random(24));
        refund.put("object", "refund");
        refund.put("amount", amount);
        refund.put("currency", intent.currency);
        refund.put("created", Instant.now().getEpochSecond());
        Map<String, String> metadata = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("metadata[") && key.endsWith("]")) {
                metadata.put(key.substring("metadata[".length(), key.length() - 1), value);
            }
        });
        refund.put("metadata", metadata);
        refund.put("payment_intent", intent.id);
        if (refundFailuresToServe > 0) {
            refundFailuresToServe--;
            refund.put("status", "failed");
            refund.put("failure_reason", "expired_or_canceled_card");
            return new Response(200, Json.write(refund), false);
        }
        refund.put("status", "succeeded");
        intent.amountRefunded += amount;
        refunds.computeIfAbsent(intent.id, key -> new AtomicInteger()).incrementAndGet();
        return new Response(200, Json.write(refund), false);
    }

    private Response cancel(Intent intent, Map<String, String> form) {
        if (List.of("succeeded", "canceled").contains(intent.status)) {
            return unexpectedState(intent, "canceled", "requires_payment_method, requires_capture, "
                    + "requires_confirmation, requires_action, processing");
        }
        intent.status = "canceled";
        intent.cancellationReason = form.get("cancellation_reason");
        intent.amountCapturable = 0;
        intent.nextAction = null;
        return ok(intent);
    }

    private Response unexpectedState(Intent intent, String verb, String allowed) {
        return error(400, "invalid_request_error", "payment_intent_unexpected_state", "This PaymentIntent could not "
                + "be " + verb + " because it has a status of " + intent.status + ". Only a PaymentIntent with one of "
                + "the following statuses may be " + verb + ": " + allowed + ".", intent);
    }

    private Intent intent(String intentId) {
        Intent intent = intents.get(intentId);
        if (intent == null) {
            throw new IllegalArgumentException("The stub holds no payment intent " + intentId);
        }
        return intent;
    }

    private static void requireStatus(Intent intent, String status) {
        if (!intent.status.equals(status)) {
            throw new IllegalStateException("Intent " + intent.id + " is " + intent.status + ", not " + status);
        }
    }

    private static Map<String, Object> cardError(String code, String declineCode, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "card_error");
        error.put("code", code);
        error.put("decline_code", declineCode);
        error.put("message", message);
        return error;
    }

    private static Response ok(Intent intent) {
        return new Response(200, Json.write(intent.toJson()), false);
    }

    private static Response error(int status, String type, String code, String message, Intent intent) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
        }
        error.put("message", message);
        if (intent != null) {
            error.put("payment_intent", intent.toJson());
        }
        return new Response(status, Json.write(Map.of("error", error)), false);
    }

    private static Map<String, String> parseForm(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    private record Response(int status, String body, boolean replayed) {

        Response replay() {
            return new Response(status, body, true);
        }
    }

    private record Replay(String fingerprint, Response response) {
    }

    private static final class Intent {

        private final String id;
        private final long amount;
        private final String currency;
        private final String captureMethod;
        private final String paymentMethod;
        private final String returnUrl;
        private final long created = Instant.now().getEpochSecond();
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private String status;
        private long amountCapturable;
        private long amountReceived;
        private long amountRefunded;
        private Map<String, Object> nextAction;
        private Map<String, Object> lastPaymentError;
        private String cancellationReason;

        Intent(String id, long amount, String currency, String captureMethod, String paymentMethod,
               String returnUrl) {
            this.id = id;
            this.amount = amount;
            this.currency = currency;
            this.captureMethod = captureMethod;
            this.paymentMethod = paymentMethod;
            this.returnUrl = returnUrl;
        }

        void authorize() {
            if (captureMethod.equals("manual")) {
                status = "requires_capture";
                amountCapturable = amount;
            } else {
                status = "succeeded";
                amountReceived = amount;
            }
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("object", "payment_intent");
            json.put("amount", amount);
            json.put("amount_capturable", amountCapturable);
            json.put("amount_received", amountReceived);
            json.put("cancellation_reason", cancellationReason);
            json.put("capture_method", captureMethod);
            json.put("client_secret", id + "_secret_stub");
            json.put("confirmation_method", "automatic");
            json.put("created", created);
            json.put("currency", currency);
            json.put("last_payment_error", lastPaymentError);
            json.put("livemode", false);
            json.put("metadata", new LinkedHashMap<>(metadata));
            json.put("next_action", nextAction);
            json.put("payment_method", paymentMethod);
            json.put("status", status);
            return json;
        }
    }
}
