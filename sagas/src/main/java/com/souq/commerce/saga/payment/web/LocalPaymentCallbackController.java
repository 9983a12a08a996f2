package com.souq.commerce.saga.payment.web;

import static com.souq.commerce.platform.axon.AxonInfrastructureConfiguration.SUBJECT;

import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentStatus;
import com.souq.commerce.payment.api.RecordPaymentAuthorizationCommand;
import com.souq.commerce.payment.api.RecordPaymentFailureCommand;
import com.souq.commerce.platform.web.Problems;
import com.souq.commerce.saga.payment.LocalMethodGateway;
import com.souq.commerce.saga.payment.LocalPaymentsProperties;
import com.souq.commerce.shared.MalformedIdentifierException;
import com.souq.commerce.shared.money.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The callbacks of the local wallet and card methods' aggregators (InstaPay, Vodafone Cash, mada): the shopper
 * approved, refused or let the request expire. Open to the internet without a token; a callback counts only when its
 * {@code X-Signature} is the hex HMAC-SHA256 of the raw body under the method's callback secret, otherwise 400
 * {@code INVALID_SIGNATURE} and nothing changes. A method this engine does not pay with is a 404.
 *
 * <p>The body's {@code merchant_reference} names the payment. Every signed callback answers 200 once understood, so
 * the aggregator stops redelivering: {@code recorded} when it moved the payment, {@code ignored} (with why) when the
 * payment is unknown, paid with another method, already past that point (a repeated callback) or given up
 * (cancelled, failed). Money paid for a payment the engine gave up is refunded by the payment process when it voids
 * the request, not here.
 */
@RestController
@Tag(name = "payments")
class LocalPaymentCallbackController {

    static final String BASE = "/api/v1/payments/webhooks/";
    static final String SIGNATURE = "X-Signature";

    private static final Logger log = LoggerFactory.getLogger(LocalPaymentCallbackController.class);
    private static final long TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;
    private final EventStore events;
    private final LocalPaymentsProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    LocalPaymentCallbackController(CommandGateway commands, EventStore events, LocalPaymentsProperties properties) {
        this.commands = commands;
        this.events = events;
        this.properties = properties;
    }

    /** What the engine made of a callback: {@code recorded}, or {@code ignored} with why. */
    record Acknowledgement(String eventId, String outcome, String detail) {
    }

    @PostMapping(BASE + "instapay")
    @Operation(summary = "InstaPay aggregator callbacks (X-Signature: hex HMAC-SHA256 of the body; no bearer token)")
    ResponseEntity<?> instapay(@RequestBody(required = false) String body,
                               @RequestHeader(name = SIGNATURE, required = false) String signature) {
        return receive(PaymentProvider.INSTAPAY, properties.instapay(), body, signature);
    }

    @PostMapping(BASE + "vodafone-cash")
    @Operation(summary = "Vodafone Cash aggregator callbacks (X-Signature: hex HMAC-SHA256 of the body; no token)")
    ResponseEntity<?> vodafoneCash(@RequestBody(required = false) String body,
                                   @RequestHeader(name = SIGNATURE, required = false) String signature) {
        return receive(PaymentProvider.VODAFONE_CASH, properties.vodafoneCash(), body, signature);
    }

    @PostMapping(BASE + "mada")
    @Operation(summary = "mada card aggregator callbacks (X-Signature: hex HMAC-SHA256 of the body; no bearer token)")
    ResponseEntity<?> mada(@RequestBody(required = false) String body,
                           @RequestHeader(name = SIGNATURE, required = false) String signature) {
        return receive(PaymentProvider.MADA, properties.mada(), body, signature);
    }

    private ResponseEntity<?> receive(PaymentProvider provider, LocalPaymentsProperties.LocalMethod method,
                                      String body, String signature) {
        if (!method.enabled() || method.callbackSecret() == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND",
                    "This engine does not pay with " + provider));
        }
        if (body == null || signature == null || !verifies(body, signature, method.callbackSecret())) {
            log.warn("Refused a {} callback: its signature does not verify", provider);
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "INVALID_SIGNATURE",
                    "The X-Signature header is not the HMAC-SHA256 of the body under this method's callback secret"));
        }
        Callback callback;
        try {
            callback = Callback.read(json.readTree(body));
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST_BODY",
                    "The callback is signed but is not a payment callback: " + unreadable.getMessage()));
        }
        return ResponseEntity.ok(handle(provider, callback));
    }

    private Acknowledgement handle(PaymentProvider provider, Callback callback) {
        Optional<PaymentId> paymentId = callback.paymentId();
        Optional<PaymentRecord> payment = paymentId.flatMap(id -> PaymentRecord.read(events, id));
        if (payment.isEmpty()) {
            log.warn("{} callback {} names payment {}, which this engine does not know: ignored", provider,
                    callback.eventId(), callback.merchantReference());
            return ignored(callback, "no payment " + callback.merchantReference());
        }
        PaymentRecord known = payment.get();
        if (known.provider() != provider) {
            return ignored(callback, "payment " + known.paymentId() + " is paid with " + known.provider());
        }
        boolean awaiting = known.status() == PaymentStatus.INITIATED
                || known.status() == PaymentStatus.REQUIRES_ACTION;
        if (!awaiting) {
            return ignored(callback, "payment " + known.paymentId() + " is " + known.status());
        }
        Object command = switch (callback.status()) {
            case "paid" -> new RecordPaymentAuthorizationCommand(known.paymentId(), callback.providerPaymentId(),
                    callback.amount());
            case "failed", "expired", "cancelled" -> new RecordPaymentFailureCommand(known.paymentId(),
                    callback.providerPaymentId(), callback.status() + ": " + callback.failureReason());
            default -> null;
        };
        if (command == null) {
            return ignored(callback, "status " + callback.status() + " changes nothing here");
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(SUBJECT,
                "provider:" + LocalMethodGateway.methodOf(provider))), TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return new Acknowledgement(callback.eventId(), "recorded", null);
    }

    private static Acknowledgement ignored(Callback callback, String why) {
        return new Acknowledgement(callback.eventId(), "ignored", why);
    }

    static boolean verifies(String body, String signature, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)))
                    .getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, signature.trim().toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The fields of a callback the engine reads. */
    private record Callback(String eventId, String providerPaymentId, String merchantReference, String status,
                            Money amount, String failureReason) {

        static Callback read(JsonNode body) {
            if (!body.isObject()) {
                throw new IllegalArgumentException("a callback is a JSON object");
            }
            String status = text(body, "status");
            String reference = text(body, "merchant_reference");
            if (status == null || reference == null) {
                throw new IllegalArgumentException("status and merchant_reference are required");
            }
            Money amount = null;
            if ("paid".equals(status)) {
                String currency = text(body, "currency");
                if (!body.path("amount_minor").isIntegralNumber() || currency == null) {
                    throw new IllegalArgumentException("a paid callback carries amount_minor and currency");
                }
                amount = Money.of(body.path("amount_minor").asLong(), currency.toUpperCase(Locale.ROOT));
            }
            String reason = text(body, "failure_reason");
            return new Callback(text(body, "event_id"), text(body, "payment_id"), reference, status, amount,
                    reason == null ? "no reason given" : reason);
        }

        Optional<PaymentId> paymentId() {
            try {
                return Optional.of(PaymentId.of(merchantReference));
            } catch (MalformedIdentifierException malformed) {
                return Optional.empty();
            }
        }

        private static String text(JsonNode body, String field) {
            JsonNode value = body.path(field);
            return value.isString() ? value.asString() : null;
        }
    }
}
