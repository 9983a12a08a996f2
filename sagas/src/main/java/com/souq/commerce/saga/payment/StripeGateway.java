package com.souq.commerce.saga.payment;

import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.money.Money;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Card payments through Stripe PaymentIntents with manual capture: authorizing creates and confirms an intent for the
 * order's amount (minor units, lower-case currency) with the shopper's {@code pm_...} payment method and the payment
 * and order ids as metadata; capture and void act on that intent; a refund creates a Stripe Refund of the intent for
 * its amount, with the refund id as metadata. Every call carries its step's idempotency key.
 *
 * <p>Stripe's answers become outcomes: {@code requires_capture} is authorized, {@code requires_action} needs the
 * shopper's extra step (its redirect URL), a card error or {@code requires_payment_method} is a decline. When a
 * capture or void is refused because the intent moved on, the intent is read to learn what really happened (captured
 * already, voided already). Connection failures, rate limits, Stripe's own 5xx and key or permission problems are
 * {@link ProviderUnavailableException}s: the payment process tries again later with the same key.
 */
final class StripeGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);

    static final String PAYMENT_ID = "paymentId";
    static final String ORDER_ID = "orderId";
    static final String REFUND_ID = "refundId";

    private final StripeClient stripe;
    private final String returnUrl;

    StripeGateway(StripeClient stripe, String returnUrl) {
        this.stripe = stripe;
        this.returnUrl = returnUrl == null || returnUrl.isBlank() ? null : returnUrl;
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.STRIPE;
    }

    @Override
    public AuthorizationOutcome authorize(Authorization authorization) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(authorization.amount().minorUnits())
                .setCurrency(authorization.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                .setConfirm(true)
                .setPaymentMethod(authorization.method())
                .addPaymentMethodType("card")
                .putMetadata(PAYMENT_ID, authorization.paymentId().value())
                .putMetadata(ORDER_ID, authorization.orderId().value());
        if (returnUrl != null) {
            params.setReturnUrl(returnUrl);
        }
        try {
            return authorizationOf(stripe.v1().paymentIntents().create(params.build(),
                    idempotent(authorization.idempotencyKey())));
        } catch (CardException declined) {
            return new AuthorizationOutcome.Declined(intentOf(declined), reasonOf(declined));
        } catch (StripeException failure) {
            requireAnswered(failure, "authorize");
            // Stripe refused the request itself (an unknown payment method, ...): this payment cannot go through.
            return new AuthorizationOutcome.Declined(null, reasonOf(failure));
        }
    }

    @Override
    public CaptureOutcome capture(Capture capture) {
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().capture(capture.reference(),
                    PaymentIntentCaptureParams.builder().setAmountToCapture(capture.amount().minorUnits()).build(),
                    idempotent(capture.idempotencyKey()));
            return captureOf(intent, "captured");
        } catch (StripeException failure) {
            requireAnswered(failure, "capture");
            PaymentIntent intent = read(capture.reference());
            return intent == null
                    ? new CaptureOutcome.Refused(capture.reference(), reasonOf(failure))
                    : captureOf(intent, reasonOf(failure));
        }
    }

    @Override
    public CancellationOutcome cancel(Cancellation cancellation) {
        try {
            stripe.v1().paymentIntents().cancel(cancellation.reference(), PaymentIntentCancelParams.builder()
                            .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED).build(),
                    idempotent(cancellation.idempotencyKey()));
            return new CancellationOutcome.Voided(cancellation.reference());
        } catch (StripeException failure) {
            requireAnswered(failure, "cancel");
            PaymentIntent intent = read(cancellation.reference());
            if (intent == null || "canceled".equals(intent.getStatus())) {
                return new CancellationOutcome.Voided(cancellation.reference());
            }
            return new CancellationOutcome.NotVoidable(cancellation.reference(),
                    "the intent is " + intent.getStatus() + ": " + reasonOf(failure));
        }
    }

    @Override
    public RefundOutcome refund(Refund refund) {
        try {
            com.stripe.model.Refund created = stripe.v1().refunds().create(RefundCreateParams.builder()
                            .setPaymentIntent(refund.reference())
                            .setAmount(refund.amount().minorUnits())
                            .putMetadata(PAYMENT_ID, refund.paymentId().value())
                            .putMetadata(REFUND_ID, refund.refundId().value())
                            .build(),
                    idempotent(refund.idempotencyKey()));
            return switch (created.getStatus()) {
                case "succeeded", "pending" -> new RefundOutcome.Refunded(created.getId());
                default -> new RefundOutcome.Refused(created.getId(), "the refund is " + created.getStatus()
                        + (created.getFailureReason() == null ? "" : ": " + created.getFailureReason()));
            };
        } catch (StripeException failure) {
            requireAnswered(failure, "refund");
            return new RefundOutcome.Refused(null, reasonOf(failure));
        }
    }

    private AuthorizationOutcome authorizationOf(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "requires_capture" -> new AuthorizationOutcome.Authorized(intent.getId(),
                    moneyOf(intent.getAmountCapturable(), intent.getCurrency()));
            case "succeeded" -> new AuthorizationOutcome.Authorized(intent.getId(),
                    moneyOf(intent.getAmountReceived(), intent.getCurrency()));
            case "requires_action" -> new AuthorizationOutcome.ActionRequired(intent.getId(), redirectOf(intent));
            // Stripe settles it later and says so by webhook; there is no step for the shopper then.
            case "processing" -> new AuthorizationOutcome.ActionRequired(intent.getId(), null);
            default -> new AuthorizationOutcome.Declined(intent.getId(), declineOf(intent));
        };
    }

    private static CaptureOutcome captureOf(PaymentIntent intent, String otherwise) {
        if ("succeeded".equals(intent.getStatus())) {
            return new CaptureOutcome.Captured(intent.getId(), moneyOf(intent.getAmountReceived(),
                    intent.getCurrency()));
        }
        if ("processing".equals(intent.getStatus())) {
            throw new ProviderUnavailableException("Stripe is still capturing " + intent.getId());
        }
        return new CaptureOutcome.Refused(intent.getId(), "the intent is " + intent.getStatus() + ": " + otherwise);
    }

    /** The intent as Stripe holds it now, or null when Stripe knows no such intent. */
    private PaymentIntent read(String intentId) {
        try {
            return stripe.v1().paymentIntents().retrieve(intentId, PaymentIntentRetrieveParams.builder().build(),
                    RequestOptions.getDefault());
        } catch (StripeException failure) {
            requireAnswered(failure, "read");
            return null;
        }
    }

    private static String redirectOf(PaymentIntent intent) {
        PaymentIntent.NextAction next = intent.getNextAction();
        return next == null || next.getRedirectToUrl() == null ? null : next.getRedirectToUrl().getUrl();
    }

    private static String declineOf(PaymentIntent intent) {
        StripeError error = intent.getLastPaymentError();
        if (error == null) {
            return "the intent is " + intent.getStatus();
        }
        String code = error.getDeclineCode() != null ? error.getDeclineCode() : error.getCode();
        return code == null ? error.getMessage() : code + ": " + error.getMessage();
    }

    private static String intentOf(CardException declined) {
        StripeError error = declined.getStripeError();
        return error == null || error.getPaymentIntent() == null ? null : error.getPaymentIntent().getId();
    }

    private static String reasonOf(StripeException failure) {
        String code = failure instanceof CardException card && card.getDeclineCode() != null
                ? card.getDeclineCode() : failure.getCode();
        String message = failure.getStripeError() != null && failure.getStripeError().getMessage() != null
                ? failure.getStripeError().getMessage() : failure.getMessage();
        return code == null ? message : code + ": " + message;
    }

    /**
     * Throws unless Stripe answered and refused this very request (a 4xx about the request itself). Whatever leaves the
     * outcome unknown, or is ours to fix (key, permissions), is worth trying again later.
     */
    private static void requireAnswered(StripeException failure, String step) {
        if (isRetryable(failure)) {
            throw new ProviderUnavailableException("Stripe did not " + step + ": " + failure.getMessage(), failure);
        }
        log.info("Stripe refused to {}: {}", step, reasonOf(failure));
    }

    private static boolean isRetryable(StripeException failure) {
        Integer status = failure.getStatusCode();
        return failure instanceof ApiConnectionException || failure instanceof RateLimitException
                || failure instanceof AuthenticationException || failure instanceof PermissionException
                || status == null || status >= 500;
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    private static Money moneyOf(Long minorUnits, String currency) {
        return Money.of(minorUnits == null ? 0 : minorUnits, currency.toUpperCase(Locale.ROOT));
    }
}
