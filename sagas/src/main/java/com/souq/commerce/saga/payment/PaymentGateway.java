package com.souq.commerce.saga.payment;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.money.Money;
import java.util.Locale;

/**
 * The port to a payment provider: authorize the shopper's money, capture it, or void the authorization. Every call
 * carries an idempotency key derived from the payment and the step, so a call repeated after a crash, a redelivered
 * event or a retry reaches the provider as the same request and moves money at most once.
 *
 * <p>An answer the provider gives (authorized, declined, ...) is an outcome; a provider that cannot be reached or
 * answers that it failed throws {@link ProviderUnavailableException}, and the caller tries again later with the same
 * key.
 */
public interface PaymentGateway {

    PaymentProvider provider();

    AuthorizationOutcome authorize(Authorization authorization);

    CaptureOutcome capture(Capture capture);

    CancellationOutcome cancel(Cancellation cancellation);

    /**
     * Pay {@code amount} of a captured payment back to the shopper's payment method. A provider whose adapter cannot
     * refund answers {@link RefundOutcome.Refused} (the refund then goes to the customer's wallet).
     */
    default RefundOutcome refund(Refund refund) {
        return new RefundOutcome.Refused(null, "refund_unsupported: " + provider()
                + " refunds are not made through this engine; the customer's wallet is credited instead");
    }

    /**
     * Whether the provider can be asked where a payment waiting for the shopper stands: the fallback when its callback
     * is late or lost. A provider that cannot be asked never is.
     */
    default boolean answersStatusQueries() {
        return false;
    }

    /**
     * Where the payment stands at the provider now: authorized (or paid), declined, or still waiting for the shopper
     * ({@link AuthorizationOutcome.ActionRequired}). Only asked when {@link #answersStatusQueries()}.
     */
    default AuthorizationOutcome status(StatusQuery query) {
        throw new UnsupportedOperationException(provider() + " is not asked where a payment stands");
    }

    /** The steps of a payment at a provider; each names the idempotency key of its call. */
    enum Step {
        AUTHORIZE, CAPTURE, CANCEL;

        public String idempotencyKey(PaymentId paymentId) {
            return "souq-payment-" + paymentId.value() + "-" + name().toLowerCase(Locale.ROOT);
        }
    }

    /** Hold {@code amount} for the order with the shopper's payment method (a Stripe {@code pm_...}, a sandbox word). */
    record Authorization(PaymentId paymentId, OrderId orderId, Money amount, String method) {

        public String idempotencyKey() {
            return Step.AUTHORIZE.idempotencyKey(paymentId);
        }
    }

    /** Take the authorized {@code amount} held under the provider's {@code reference}. */
    record Capture(PaymentId paymentId, String reference, Money amount) {

        public String idempotencyKey() {
            return Step.CAPTURE.idempotencyKey(paymentId);
        }
    }

    /** Pay back {@code amount} of what was captured under the provider's {@code reference}, once per refund. */
    record Refund(PaymentId paymentId, RefundId refundId, String reference, Money amount) {

        public String idempotencyKey() {
            return "souq-refund-" + refundId.value();
        }
    }

    /** Where does the payment the provider knows as {@code reference} stand? Reads change nothing: no key. */
    record StatusQuery(PaymentId paymentId, String reference) {
    }

    /** Release whatever the provider holds under {@code reference}; nothing was taken. */
    record Cancellation(PaymentId paymentId, String reference) {

        public String idempotencyKey() {
            return Step.CANCEL.idempotencyKey(paymentId);
        }
    }
}
