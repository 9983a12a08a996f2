package com.souq.commerce.saga.payment.web;

import static com.souq.commerce.platform.axon.AxonInfrastructureConfiguration.SUBJECT;

import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.RecordPaymentAuthorizationCommand;
import com.souq.commerce.payment.api.RecordPaymentCaptureCommand;
import com.souq.commerce.payment.api.RecordPaymentFailureCommand;
import com.souq.commerce.platform.web.Problems;
import com.souq.commerce.saga.payment.PaymentsProperties;
import com.souq.commerce.shared.MalformedIdentifierException;
import com.souq.commerce.shared.error.DomainError;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook: what happened to a PaymentIntent after the engine's own call returned (the shopper passed
 * 3-D Secure, a capture settled, a payment failed). Open to the internet without a token; a request counts only when
 * its {@code Stripe-Signature} verifies against the endpoint's signing secret, otherwise 400 {@code INVALID_SIGNATURE}
 * and nothing changes.
 *
 * <p>The intent's {@code metadata.paymentId} names the payment. Every event answers 200 once understood, recorded or
 * not, so Stripe stops redelivering: other event types, intents the engine did not create and payments it does not
 * know are acknowledged and ignored. A delivery repeated, or one that arrives after the engine learned the same from
 * Stripe's answer, changes nothing: the Payment's commands are no-ops then. Only a failure of the engine itself is a
 * 5xx, which Stripe retries.
 */
@RestController
@ConditionalOnProperty(name = "souq.payments.stripe.enabled", havingValue = "true")
@Tag(name = "payments")
class StripeWebhookController {

    static final String PATH = "/api/v1/payments/webhooks/stripe";
    /** Who the engine's audit trail shows as the sender of a webhook's commands. */
    static final String WEBHOOK_SUBJECT = "provider:stripe";

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);
    private static final long TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;
    private final String signingSecret;

    StripeWebhookController(CommandGateway commands, PaymentsProperties properties) {
        this.commands = commands;
        this.signingSecret = properties.stripe().webhookSecret();
    }

    /** What the engine made of an event: {@code recorded}, or {@code ignored} with why. */
    record Acknowledgement(String eventId, String outcome, String detail) {

        static Acknowledgement recorded(Event event) {
            return new Acknowledgement(event.getId(), "recorded", null);
        }

        static Acknowledgement ignored(Event event, String why) {
            return new Acknowledgement(event.getId(), "ignored", why);
        }
    }

    @PostMapping(PATH)
    @Operation(summary = "Stripe's PaymentIntent events (signed with the endpoint's secret; no bearer token)")
    ResponseEntity<?> receive(@RequestBody(required = false) String payload,
                              @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        Event event;
        try {
            if (payload == null || signature == null) {
                throw new SignatureVerificationException("No signed payload", signature);
            }
            event = Webhook.constructEvent(payload, signature, signingSecret);
        } catch (SignatureVerificationException unsigned) {
            log.warn("Refused a Stripe webhook: {}", unsigned.getMessage());
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "INVALID_SIGNATURE",
                    "The Stripe-Signature header does not verify against this endpoint's signing secret"));
        } catch (RuntimeException unreadable) {
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST_BODY",
                    "The webhook is signed but is not a Stripe event"));
        }
        return ResponseEntity.ok(handle(event));
    }

    private Acknowledgement handle(Event event) {
        if (!event.getType().startsWith("payment_intent.")) {
            return Acknowledgement.ignored(event, "not a PaymentIntent event");
        }
        PaymentIntent intent = intentOf(event);
        if (intent == null) {
            return Acknowledgement.ignored(event, "its object could not be read");
        }
        PaymentId paymentId = paymentOf(intent);
        if (paymentId == null) {
            return Acknowledgement.ignored(event, "not a payment of this engine");
        }
        Object command = switch (event.getType()) {
            case "payment_intent.amount_capturable_updated" -> "requires_capture".equals(intent.getStatus())
                    ? new RecordPaymentAuthorizationCommand(paymentId, intent.getId(),
                            money(intent.getAmountCapturable(), intent.getCurrency()))
                    : null;
            case "payment_intent.succeeded" -> new RecordPaymentCaptureCommand(paymentId, intent.getId(),
                    money(intent.getAmountReceived(), intent.getCurrency()));
            case "payment_intent.payment_failed" -> new RecordPaymentFailureCommand(paymentId, intent.getId(),
                    failureOf(intent));
            default -> null;
        };
        if (command == null) {
            return Acknowledgement.ignored(event, event.getType() + " changes nothing here");
        }
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(SUBJECT, WEBHOOK_SUBJECT)), TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException failure) {
            if (isUnknownPayment(failure)) {
                log.warn("Stripe event {} ({}) names payment {}, which this engine does not know: ignored",
                        event.getId(), event.getType(), paymentId);
                return Acknowledgement.ignored(event, "no payment " + paymentId);
            }
            throw failure;
        }
        return Acknowledgement.recorded(event);
    }

    private static PaymentIntent intentOf(Event event) {
        StripeObject object = event.getDataObjectDeserializer().getObject().orElse(null);
        if (object == null) {
            // The endpoint's API version differs from the library's; PaymentIntent's fields used here are stable.
            log.warn("Stripe event {} has API version {}, the library reads {}", event.getId(),
                    event.getApiVersion(), com.stripe.Stripe.API_VERSION);
            try {
                object = event.getDataObjectDeserializer().deserializeUnsafe();
            } catch (EventDataObjectDeserializationException unreadable) {
                return null;
            }
        }
        return object instanceof PaymentIntent intent ? intent : null;
    }

    private static PaymentId paymentOf(PaymentIntent intent) {
        String value = intent.getMetadata() == null ? null : intent.getMetadata().get("paymentId");
        if (value == null) {
            return null;
        }
        try {
            return PaymentId.of(value);
        } catch (MalformedIdentifierException malformed) {
            return null;
        }
    }

    private static String failureOf(PaymentIntent intent) {
        StripeError error = intent.getLastPaymentError();
        if (error == null) {
            return "payment_failed";
        }
        String code = error.getDeclineCode() != null ? error.getDeclineCode() : error.getCode();
        return code == null ? error.getMessage() : code + ": " + error.getMessage();
    }

    private static Money money(Long minorUnits, String currency) {
        return Money.of(minorUnits == null ? 0 : minorUnits, currency.toUpperCase(Locale.ROOT));
    }

    private static boolean isUnknownPayment(RuntimeException failure) {
        if (failure instanceof AggregateNotFoundException) {
            return true;
        }
        return failure instanceof CommandExecutionException execution
                && execution.getDetails().orElse(null) instanceof DomainError error
                && error.kind() == DomainRuleViolation.Kind.NOT_FOUND;
    }
}
