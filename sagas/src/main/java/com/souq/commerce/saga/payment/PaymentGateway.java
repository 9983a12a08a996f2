package com.souq.commerce.saga.payment;

import com.souq.commerce.order.api.OrderId;
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

    /** Release whatever the provider holds under {@code reference}; nothing was taken. */
    record Cancellation(PaymentId paymentId, String reference) {

        public String idempotencyKey() {
            return Step.CANCEL.idempotencyKey(paymentId);
        }
    }
}
