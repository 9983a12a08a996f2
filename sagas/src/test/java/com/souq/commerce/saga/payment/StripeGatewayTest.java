package com.souq.commerce.saga.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.souq.commerce.infrastructure.stripe.StripeStub;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.shared.money.Money;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Stripe adapter against the local Stripe stub, over HTTP with the real Stripe library. */
class StripeGatewayTest {

    private static final Money AMOUNT = Money.of(6_640_50, "EGP");

    private StripeStub stripe;
    private StripeGateway gateway;
    private PaymentId payment;
    private OrderId order;

    @BeforeEach
    void setUp() {
        stripe = StripeStub.start("sk_test_gateway", "whsec_gateway", Stripe.API_VERSION);
        gateway = gatewayAt(stripe.baseUrl(), stripe.apiKey());
        order = OrderId.random();
        payment = PaymentId.forOrder(order);
    }

    @AfterEach
    void tearDown() {
        stripe.close();
    }

    @Test
    void visaIsAuthorizedForTheAmountAndTaggedWithThePayment() {
        AuthorizationOutcome outcome = gateway.authorize(authorization(StripeStub.VISA));

        assertThat(outcome).isInstanceOfSatisfying(AuthorizationOutcome.Authorized.class, authorized -> {
            assertThat(authorized.reference()).startsWith("pi_");
            assertThat(authorized.amount()).isEqualTo(AMOUNT);
        });
        assertThat(stripe.intentWithMetadata("paymentId", payment.value())).contains(outcome.reference());
        assertThat(stripe.intentWithMetadata("orderId", order.value())).contains(outcome.reference());
        assertThat(stripe.status(outcome.reference())).isEqualTo("requires_capture");
    }

    @Test
    void authorizingTheSamePaymentAgainReachesTheSameIntent() {
        String first = gateway.authorize(authorization(StripeStub.VISA)).reference();
        String again = gateway.authorize(authorization(StripeStub.VISA)).reference();

        assertThat(again).isEqualTo(first);
        assertThat(stripe.calls("POST", "/v1/payment_intents")).isEqualTo(2);
    }

    @Test
    void aCapturedPaymentIsRefundedInPartsOncePerRefund() {
        String intent = gateway.authorize(authorization(StripeStub.VISA)).reference();
        gateway.capture(new PaymentGateway.Capture(payment, intent, AMOUNT));
        PaymentGateway.Refund first = new PaymentGateway.Refund(payment, RefundId.random(), intent,
                Money.of(1_000_00, "EGP"));

        RefundOutcome outcome = gateway.refund(first);
        RefundOutcome again = gateway.refund(first);

        assertThat(outcome).isInstanceOfSatisfying(RefundOutcome.Refunded.class, refunded ->
                assertThat(refunded.reference()).startsWith("re_"));
        assertThat(again).isEqualTo(outcome);
        assertThat(stripe.refunds(intent)).isEqualTo(1);
        assertThat(stripe.amountRefunded(intent)).isEqualTo(1_000_00);
    }

    @Test
    void aRefundAboveWhatIsLeftIsRefused() {
        String intent = gateway.authorize(authorization(StripeStub.VISA)).reference();
        gateway.capture(new PaymentGateway.Capture(payment, intent, AMOUNT));

        RefundOutcome outcome = gateway.refund(new PaymentGateway.Refund(payment, RefundId.random(), intent,
                Money.of(6_640_51, "EGP")));

        assertThat(outcome).isInstanceOfSatisfying(RefundOutcome.Refused.class, refused ->
                assertThat(refused.reason()).startsWith("amount_too_large"));
        assertThat(stripe.amountRefunded(intent)).isZero();
    }

    @Test
    void aRefundTheBankFailsIsRefused() {
        String intent = gateway.authorize(authorization(StripeStub.VISA)).reference();
        gateway.capture(new PaymentGateway.Capture(payment, intent, AMOUNT));
        stripe.failNextRefunds(1);

        RefundOutcome outcome = gateway.refund(new PaymentGateway.Refund(payment, RefundId.random(), intent,
                Money.of(100_00, "EGP")));

        assertThat(outcome).isInstanceOfSatisfying(RefundOutcome.Refused.class, refused ->
                assertThat(refused.reason()).contains("expired_or_canceled_card"));
    }

    @Test
    void anUnreachableStripeIsTriedAgainLaterForARefund() {
        String intent = gateway.authorize(authorization(StripeStub.VISA)).reference();
        gateway.capture(new PaymentGateway.Capture(payment, intent, AMOUNT));
        stripe.failNextRequests(5);

        assertThatThrownBy(() -> gateway.refund(new PaymentGateway.Refund(payment, RefundId.random(), intent,
                Money.of(100_00, "EGP")))).isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void declinedCardIsADeclineWithStripesCode() {
        AuthorizationOutcome outcome = gateway.authorize(authorization(StripeStub.DECLINED));

        assertThat(outcome).isInstanceOfSatisfying(AuthorizationOutcome.Declined.class, declined -> {
            assertThat(declined.reference()).startsWith("pi_");
            assertThat(declined.reason()).startsWith("generic_decline");
        });
    }

    @Test
    void threeDSecureSendsTheShopperToStripesRedirect() {
        AuthorizationOutcome outcome = gateway.authorize(authorization(StripeStub.THREE_D_SECURE));

        assertThat(outcome).isInstanceOfSatisfying(AuthorizationOutcome.ActionRequired.class, action ->
                assertThat(action.nextActionUrl()).startsWith(stripe.baseUrl() + "/3d_secure_2/"));
    }

    @Test
    void unknownPaymentMethodIsADecline() {
        AuthorizationOutcome outcome = gateway.authorize(authorization("pm_card_nonexistent"));

        assertThat(outcome).isInstanceOfSatisfying(AuthorizationOutcome.Declined.class, declined ->
                assertThat(declined.reason()).startsWith("resource_missing"));
    }

    @Test
    void captureTakesTheMoneyOnceHoweverOftenItIsAsked() {
        String intent = gateway.authorize(authorization(StripeStub.VISA)).reference();

        CaptureOutcome first = gateway.capture(new PaymentGateway.Capture(payment, intent, AMOUNT));
        CaptureOutcome again = gateway.capture(new PaymentGateway.Capture(payment, intent, AMOUNT));

        assertThat(first).isEqualTo(new CaptureOutcome.Captured(intent, AMOUNT));
        assertThat(again).isEqualTo(first);
        assertThat(stripe.captures(intent)).isEqualTo(1);
    }

    @Test
    void captureOfAVoidedAuthorizationIsRefused() {
        String intent = gateway.authorize(authorization(StripeStub.VISA)).reference();
        gateway.cancel(new PaymentGateway.Cancellation(payment, intent));

        CaptureOutcome outcome = gateway.capture(new PaymentGateway.Capture(payment, intent, AMOUNT));

        assertThat(outcome).isInstanceOf(CaptureOutcome.Refused.class);
        assertThat(stripe.captures(intent)).isZero();
    }

    @Test
    void cancelVoidsTheAuthorizationOnceAndAgain() {
        String intent = gateway.authorize(authorization(StripeStub.THREE_D_SECURE)).reference();

        assertThat(gateway.cancel(new PaymentGateway.Cancellation(payment, intent)))
                .isEqualTo(new CancellationOutcome.Voided(intent));
        assertThat(gateway.cancel(new PaymentGateway.Cancellation(payment, intent)))
                .isEqualTo(new CancellationOutcome.Voided(intent));
        assertThat(stripe.status(intent)).isEqualTo("canceled");
    }

    @Test
    void capturedMoneyCannotBeVoided() {
        String intent = gateway.authorize(authorization(StripeStub.VISA)).reference();
        gateway.capture(new PaymentGateway.Capture(payment, intent, AMOUNT));

        assertThat(gateway.cancel(new PaymentGateway.Cancellation(payment, intent)))
                .isInstanceOf(CancellationOutcome.NotVoidable.class);
    }

    @Test
    void stripeFailingOnItsSideIsWorthAnotherTryWithTheSameKey() {
        stripe.failNextRequests(1);

        assertThatThrownBy(() -> gateway.authorize(authorization(StripeStub.VISA)))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(gateway.authorize(authorization(StripeStub.VISA)))
                .isInstanceOf(AuthorizationOutcome.Authorized.class);
    }

    @Test
    void unreachableStripeIsWorthAnotherTry() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StripeGateway unreachable = gatewayAt("http://127.0.0.1:" + closedPort, stripe.apiKey());

        assertThatThrownBy(() -> unreachable.authorize(authorization(StripeStub.VISA)))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThatThrownBy(() -> unreachable.capture(new PaymentGateway.Capture(payment, "pi_x", AMOUNT)))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThatThrownBy(() -> unreachable.cancel(new PaymentGateway.Cancellation(payment, "pi_x")))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void rejectedApiKeyIsWorthAnotherTryOnceTheOperatorFixesIt() {
        StripeGateway misconfigured = gatewayAt(stripe.baseUrl(), "sk_test_wrong");

        assertThatThrownBy(() -> misconfigured.authorize(authorization(StripeStub.VISA)))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    private PaymentGateway.Authorization authorization(String method) {
        return new PaymentGateway.Authorization(payment, order, AMOUNT, method);
    }

    private static StripeGateway gatewayAt(String apiBase, String apiKey) {
        return new StripeGateway(StripeClient.builder()
                .setApiKey(apiKey)
                .setApiBase(apiBase)
                .setMaxNetworkRetries(0)
                .setConnectTimeout(2_000)
                .setReadTimeout(5_000)
                .build(), "https://shop.example/payments/return");
    }
}
