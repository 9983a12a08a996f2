package com.souq.commerce.saga.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxGatewayTest {

    private static final OrderId ORDER = OrderId.of("0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e");
    private static final PaymentId PAYMENT = PaymentId.forOrder(ORDER);
    private static final Money AMOUNT = Money.of(350_00, "EGP");

    private final SandboxGateway sandbox = new SandboxGateway();

    @Test
    void approveAuthorizesTheAmountUnderTheSandboxReference() {
        assertThat(sandbox.authorize(authorization(PaymentInstruction.SANDBOX_APPROVE)))
                .isEqualTo(new AuthorizationOutcome.Authorized("sandbox_" + PAYMENT, AMOUNT));
    }

    @Test
    void declineDeclines() {
        assertThat(sandbox.authorize(authorization(PaymentInstruction.SANDBOX_DECLINE)))
                .isInstanceOf(AuthorizationOutcome.Declined.class);
    }

    @Test
    void requiresActionSendsTheShopperToTheSandboxActionEndpoint() {
        assertThat(sandbox.authorize(authorization(PaymentInstruction.SANDBOX_REQUIRES_ACTION)))
                .isEqualTo(new AuthorizationOutcome.ActionRequired("sandbox_" + PAYMENT,
                        "/api/v1/payments/" + PAYMENT + "/sandbox/action"));
    }

    @Test
    void unknownMethodIsDeclinedRatherThanGuessed() {
        assertThat(sandbox.authorize(authorization("pm_card_visa"))).isInstanceOf(AuthorizationOutcome.Declined.class);
    }

    @Test
    void captureAndVoidAlwaysSucceed() {
        assertThat(sandbox.capture(new PaymentGateway.Capture(PAYMENT, "sandbox_" + PAYMENT, AMOUNT)))
                .isEqualTo(new CaptureOutcome.Captured("sandbox_" + PAYMENT, AMOUNT));
        assertThat(sandbox.cancel(new PaymentGateway.Cancellation(PAYMENT, "sandbox_" + PAYMENT)))
                .isEqualTo(new CancellationOutcome.Voided("sandbox_" + PAYMENT));
    }

    @Test
    void everyStepHasItsOwnIdempotencyKeyPerPayment() {
        assertThat(List.of(PaymentGateway.Step.values()).stream().map(step -> step.idempotencyKey(PAYMENT)))
                .containsExactly("souq-payment-" + PAYMENT + "-authorize", "souq-payment-" + PAYMENT + "-capture",
                        "souq-payment-" + PAYMENT + "-cancel");
    }

    @Test
    void registryFindsTheGatewayOfAProviderAndCountsAMissingOneAsUnreachable() {
        PaymentGateways gateways = new PaymentGateways(List.of(sandbox));

        assertThat(gateways.of(PaymentProvider.SANDBOX)).isSameAs(sandbox);
        assertThat(gateways.find(PaymentProvider.STRIPE)).isEmpty();
        assertThatThrownBy(() -> gateways.of(PaymentProvider.STRIPE))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThatThrownBy(() -> new PaymentGateways(List.of(sandbox, new SandboxGateway())))
                .isInstanceOf(IllegalStateException.class);
    }

    private static PaymentGateway.Authorization authorization(String method) {
        return new PaymentGateway.Authorization(PAYMENT, ORDER, AMOUNT, method);
    }
}
