package com.souq.commerce.saga.payment;

import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentProvider;

/**
 * Cash on delivery: there is no provider to call. Authorizing records the shopper's promise to pay the courier (the
 * whole amount, at once: nothing is held anywhere); capture records the cash the couriers collected, which the
 * engine asks for only once every vendor order of the order ended (delivered, rejected or cancelled); voiding a
 * promise moves nothing. Which amount is captured, and when, is the cash-on-delivery process's decision, not this
 * gateway's.
 */
public final class CashOnDeliveryGateway implements PaymentGateway {

    public static String referenceOf(PaymentId paymentId) {
        return "cod_" + paymentId.value();
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.CASH_ON_DELIVERY;
    }

    @Override
    public AuthorizationOutcome authorize(Authorization authorization) {
        return new AuthorizationOutcome.Authorized(referenceOf(authorization.paymentId()), authorization.amount());
    }

    @Override
    public CaptureOutcome capture(Capture capture) {
        return new CaptureOutcome.Captured(referenceOf(capture.paymentId()), capture.amount());
    }

    @Override
    public CancellationOutcome cancel(Cancellation cancellation) {
        return new CancellationOutcome.Voided(referenceOf(cancellation.paymentId()));
    }
}
