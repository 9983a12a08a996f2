package com.souq.commerce.saga.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.souq.commerce.infrastructure.localpayments.LocalPaymentsStub;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.money.Money;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The local wallet and card methods' adapter against the local aggregator stub, Vodafone Cash and mada alike. */
class LocalMethodGatewayTest {

    private static final Money AMOUNT = Money.of(1_140_00, "EGP");
    private static final String WALLET = "01001234567";

    private LocalPaymentsStub aggregator;
    private LocalMethodGateway gateway;
    private PaymentId payment;
    private OrderId order;

    @BeforeEach
    void setUp() {
        aggregator = LocalPaymentsStub.start("vodafone-cash", "vc_key", "vc_secret");
        gateway = gatewayFor(PaymentProvider.VODAFONE_CASH, aggregator, aggregator.apiKey());
        order = OrderId.random();
        payment = PaymentId.forOrder(order);
    }

    @AfterEach
    void tearDown() {
        aggregator.close();
    }

    private static LocalMethodGateway gatewayFor(PaymentProvider provider, LocalPaymentsStub stub, String key) {
        return new LocalMethodGateway(provider, new LocalPaymentsProperties.LocalMethod(true, stub.baseUrl(), key,
                stub.callbackSecret(), "http://engine.test/api/v1/payments/webhooks/" + stub.method(), null,
                Duration.ofSeconds(2), Duration.ofSeconds(5)), JsonMapper.builder().build());
    }

    private AuthorizationOutcome authorize(String payer) {
        return gateway.authorize(new PaymentGateway.Authorization(payment, order, AMOUNT, payer));
    }

    @Test
    void aWalletPaymentWaitsForTheShoppersPinAtTheAggregatorsPage() {
        AuthorizationOutcome outcome = authorize(WALLET);

        String id = aggregator.paymentFor(payment.value()).orElseThrow();
        assertThat(outcome).isEqualTo(new AuthorizationOutcome.ActionRequired(id,
                aggregator.baseUrl() + "/approve/" + id));
        assertThat(aggregator.status(id)).isEqualTo("pending");
    }

    @Test
    void aRepeatedAuthorizationReachesTheAggregatorAsTheSameRequest() {
        AuthorizationOutcome first = authorize(WALLET);
        AuthorizationOutcome again = authorize(WALLET);

        assertThat(again).isEqualTo(first);
        assertThat(aggregator.created()).isEqualTo(1);
        assertThat(aggregator.calls("POST", "/v1/payments")).isEqualTo(2);
    }

    @Test
    void aDecliningWalletIsADecline() {
        AuthorizationOutcome outcome = authorize("01000000000");

        assertThat(outcome).isInstanceOf(AuthorizationOutcome.Declined.class);
        assertThat(((AuthorizationOutcome.Declined) outcome).reason()).startsWith("failed: payer_declined");
    }

    @Test
    void statusQueriesFollowTheShoppersAnswer() {
        String id = ((AuthorizationOutcome.ActionRequired) authorize(WALLET)).reference();
        PaymentGateway.StatusQuery query = new PaymentGateway.StatusQuery(payment, id);
        assertThat(gateway.answersStatusQueries()).isTrue();
        assertThat(gateway.status(query)).isInstanceOf(AuthorizationOutcome.ActionRequired.class);

        aggregator.approve(id);

        assertThat(gateway.status(query)).isEqualTo(new AuthorizationOutcome.Authorized(id, AMOUNT));
    }

    @Test
    void captureConfirmsThePaidSaleAndTakesNothingMore() {
        String id = ((AuthorizationOutcome.ActionRequired) authorize(WALLET)).reference();
        aggregator.approve(id);

        assertThat(gateway.capture(new PaymentGateway.Capture(payment, id, AMOUNT)))
                .isEqualTo(new CaptureOutcome.Captured(id, AMOUNT));
        assertThat(aggregator.refunded(id)).isZero();
    }

    @Test
    void voidingAPendingRequestWithdrawsIt() {
        String id = ((AuthorizationOutcome.ActionRequired) authorize(WALLET)).reference();

        assertThat(gateway.cancel(new PaymentGateway.Cancellation(payment, id)))
                .isEqualTo(new CancellationOutcome.Voided(id));
        assertThat(aggregator.status(id)).isEqualTo("cancelled");
        assertThatThrownBy(() -> aggregator.approve(id)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void voidingAPaidSaleRefundsItOnceHoweverOftenItIsRepeated() {
        String id = ((AuthorizationOutcome.ActionRequired) authorize(WALLET)).reference();
        aggregator.approve(id);
        PaymentGateway.Cancellation cancellation = new PaymentGateway.Cancellation(payment, id);

        assertThat(gateway.cancel(cancellation)).isEqualTo(new CancellationOutcome.Voided(id));
        assertThat(gateway.cancel(cancellation)).isEqualTo(new CancellationOutcome.Voided(id));

        assertThat(aggregator.refunded(id)).isEqualTo(1_140_00);
        assertThat(aggregator.status(id)).isEqualTo("refunded");
        assertThat(gateway.capture(new PaymentGateway.Capture(payment, id, AMOUNT)))
                .isInstanceOf(CaptureOutcome.Refused.class);
    }

    @Test
    void anOutageOrAWrongKeyIsWorthTryingAgainLater() {
        aggregator.failNextRequests(1);
        assertThatThrownBy(() -> authorize(WALLET)).isInstanceOf(ProviderUnavailableException.class);
        assertThat(authorize(WALLET)).isInstanceOf(AuthorizationOutcome.ActionRequired.class);

        LocalMethodGateway wrongKey = gatewayFor(PaymentProvider.VODAFONE_CASH, aggregator, "not-the-key");
        assertThatThrownBy(() -> wrongKey.authorize(new PaymentGateway.Authorization(PaymentId.forOrder(
                OrderId.random()), order, AMOUNT, WALLET))).isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void anAggregatorThatAnswersNothingIsUnavailable() {
        String base = aggregator.baseUrl();
        aggregator.close();
        LocalMethodGateway gone = new LocalMethodGateway(PaymentProvider.VODAFONE_CASH,
                new LocalPaymentsProperties.LocalMethod(true, base, "vc_key", "vc_secret", "http://engine.test/cb",
                        null, Duration.ofSeconds(1), Duration.ofSeconds(1)), JsonMapper.builder().build());
        assertThatThrownBy(() -> gone.authorize(new PaymentGateway.Authorization(payment, order, AMOUNT, WALLET)))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void madaGoesThroughItsOwnAggregatorAccountInRiyals() {
        try (LocalPaymentsStub mada = LocalPaymentsStub.start("mada", "mada_key", "mada_secret")) {
            LocalMethodGateway cards = gatewayFor(PaymentProvider.MADA, mada, mada.apiKey());
            Money riyals = Money.of(575_00, "SAR");

            AuthorizationOutcome outcome = cards.authorize(new PaymentGateway.Authorization(payment, order, riyals,
                    "tok_mada_4464040000000007"));
            String id = mada.paymentFor(payment.value()).orElseThrow();
            assertThat(outcome).isEqualTo(new AuthorizationOutcome.ActionRequired(id, mada.baseUrl() + "/approve/"
                    + id));

            mada.approve(id);
            assertThat(cards.status(new PaymentGateway.StatusQuery(payment, id)))
                    .isEqualTo(new AuthorizationOutcome.Authorized(id, riyals));
        }
    }
}
