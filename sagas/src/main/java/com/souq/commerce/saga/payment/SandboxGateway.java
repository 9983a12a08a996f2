package com.souq.commerce.saga.payment;

import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;

/**
 * The embedded default's provider: no money moves, the payment method says what happens. {@code approve} authorizes,
 * {@code decline} declines, {@code requires-action} sends the shopper to the sandbox action endpoint, where they
 * approve or decline. Capture, void and refund always succeed. Stateless: the same call answers the same.
 */
public final class SandboxGateway implements PaymentGateway {

    public static String referenceOf(PaymentId paymentId) {
        return "sandbox_" + paymentId.value();
    }

    public static String actionPathOf(PaymentId paymentId) {
        return "/api/v1/payments/" + paymentId.value() + "/sandbox/action";
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.SANDBOX;
    }

    @Override
    public AuthorizationOutcome authorize(Authorization authorization) {
        String reference = referenceOf(authorization.paymentId());
        return switch (authorization.method()) {
            case PaymentInstruction.SANDBOX_APPROVE -> new AuthorizationOutcome.Authorized(reference,
                    authorization.amount());
            case PaymentInstruction.SANDBOX_REQUIRES_ACTION -> new AuthorizationOutcome.ActionRequired(reference,
                    actionPathOf(authorization.paymentId()));
            case PaymentInstruction.SANDBOX_DECLINE -> new AuthorizationOutcome.Declined(reference,
                    "card_declined: the sandbox declines as asked");
            default -> new AuthorizationOutcome.Declined(reference,
                    "unknown_method: the sandbox knows approve, decline and requires-action, not "
                            + authorization.method());
        };
    }

    @Override
    public CaptureOutcome capture(Capture capture) {
        return new CaptureOutcome.Captured(referenceOf(capture.paymentId()), capture.amount());
    }

    @Override
    public RefundOutcome refund(Refund refund) {
        return new RefundOutcome.Refunded("sandbox_refund_" + refund.refundId().value());
    }

    @Override
    public CancellationOutcome cancel(Cancellation cancellation) {
        return new CancellationOutcome.Voided(referenceOf(cancellation.paymentId()));
    }
}
