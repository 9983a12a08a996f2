package com.souq.commerce.engine.payment;

import static com.souq.commerce.engine.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.LocalStripe;
import com.souq.commerce.engine.support.Problems;
import com.souq.commerce.infrastructure.stripe.StripeStub;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.payment.api.CapturePaymentCommand;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.RequestPaymentCommand;
import com.souq.commerce.shared.money.Money;
import com.stripe.StripeClient;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A card payment through Stripe, played by the local Stripe stub: the engine's own calls, the shopper's 3-D Secure
 * step answered by a signed webhook over HTTP, capture once, and webhooks that are repeated, late or forged.
 */
@EngineIntegrationTest
class StripePaymentFlowTest {

    private static final String WEBHOOK = "/api/v1/payments/webhooks/stripe";
    private static final Money AMOUNT = Money.of(1_250_00, "EGP");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommandGateway commands;

    Api api;
    Problems problems;
    PaymentJournal journal;
    StripeStub stripe;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        problems = new Problems(jdbc);
        journal = new PaymentJournal(jdbc);
        stripe = LocalStripe.stub();
    }

    @Test
    void threeDSecurePaymentIsAuthorizedByTheWebhookAndCapturedOnce() {
        PaymentId payment = request(StripeStub.THREE_D_SECURE);

        Map<String, Object> action = journal.awaitLast(payment, "PaymentActionRequiredEvent");
        String intent = stripe.intentWithMetadata("paymentId", payment.value()).orElseThrow();
        assertThat(action).containsEntry("reference", intent);
        assertThat((String) action.get("next_action")).startsWith(stripe.baseUrl() + "/3d_secure_2/");

        stripe.completeAction(intent);
        StripeStub.SignedEvent capturable = stripe.event("payment_intent.amount_capturable_updated", intent);
        Api.Reply delivered = deliver(capturable);
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        assertThat(delivered.json().get("outcome").asString()).isEqualTo("recorded");
        assertThat(journal.awaitLast(payment, "PaymentAuthorizedEvent")).containsEntry("amount", "125000");

        commands.sendAndWait(new CapturePaymentCommand(payment));
        assertThat(journal.awaitLast(payment, "PaymentCapturedEvent")).containsEntry("reference", intent)
                .containsEntry("amount", "125000");
        assertThat(journal.events(payment)).containsExactly("PaymentRequestedEvent", "PaymentActionRequiredEvent",
                "PaymentAuthorizedEvent", "PaymentCaptureRequestedEvent", "PaymentCapturedEvent");
        assertThat(stripe.captures(intent)).isEqualTo(1);
        assertThat(stripe.status(intent)).isEqualTo("succeeded");

        long events = journal.count();
        assertThat(deliver(capturable).status()).isEqualTo(200);
        StripeStub.SignedEvent succeeded = stripe.event("payment_intent.succeeded", intent);
        assertThat(deliver(succeeded).status()).isEqualTo(200);
        assertThat(deliver(succeeded).status()).isEqualTo(200);
        commands.sendAndWait(new CapturePaymentCommand(payment));
        assertThat(journal.count()).isEqualTo(events);
        assertThat(journal.events(payment)).hasSize(5);
        assertThat(stripe.captures(intent)).isEqualTo(1);
    }

    @Test
    void cardStripeAuthorizesAtOnceNeedsNoWebhook() {
        PaymentId payment = request(StripeStub.VISA);

        assertThat(journal.awaitLast(payment, "PaymentAuthorizedEvent")).containsEntry("amount", "125000");
        commands.sendAndWait(new CapturePaymentCommand(payment));
        journal.awaitLast(payment, "PaymentCapturedEvent");
    }

    @Test
    void declinedCardFailsThePaymentAndVoidsTheIntent() {
        PaymentId payment = request(StripeStub.DECLINED);

        assertThat((String) journal.awaitLast(payment, "PaymentFailedEvent").get("reason"))
                .startsWith("generic_decline");
        String intent = stripe.intentWithMetadata("paymentId", payment.value()).orElseThrow();
        org.awaitility.Awaitility.await().until(() -> stripe.status(intent).equals("canceled"));
    }

    @Test
    void forgedWebhookIsA400ProblemAndChangesNothing() {
        PaymentId payment = request(StripeStub.THREE_D_SECURE);
        journal.awaitLast(payment, "PaymentActionRequiredEvent");
        String intent = stripe.intentWithMetadata("paymentId", payment.value()).orElseThrow();
        stripe.completeAction(intent);
        StripeStub.SignedEvent event = stripe.event("payment_intent.amount_capturable_updated", intent);
        String forged = StripeStub.signature(event.payload(), "whsec_forged", Instant.now().getEpochSecond());

        assertProblem(problems.writesNothing(() -> api.send("POST", WEBHOOK, null, event.payload(),
                Map.of("Stripe-Signature", forged))), 400, "INVALID_SIGNATURE");
        assertProblem(problems.writesNothing(() -> api.send("POST", WEBHOOK, null, event.payload(), Map.of())),
                400, "INVALID_SIGNATURE");
        assertThat(journal.events(payment)).containsExactly("PaymentRequestedEvent", "PaymentActionRequiredEvent");
    }

    @Test
    void webhookOfAPaymentTheEngineDoesNotKnowIsAcknowledged() throws Exception {
        PaymentId unknown = PaymentId.forOrder(OrderId.random());
        StripeClient client = StripeClient.builder().setApiKey(LocalStripe.API_KEY).setApiBase(stripe.baseUrl())
                .build();
        String intent = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(99_00L).setCurrency("egp").setConfirm(true).setPaymentMethod(StripeStub.VISA)
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                .putMetadata("paymentId", unknown.value()).build(), RequestOptions.getDefault()).getId();

        Api.Reply reply = problems.writesNothing(() ->
                deliver(stripe.event("payment_intent.amount_capturable_updated", intent)));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("outcome").asString()).isEqualTo("ignored");
        assertThat(journal.events(unknown)).isEqualTo(List.of());
    }

    private PaymentId request(String paymentMethod) {
        OrderId order = OrderId.random();
        PaymentId payment = PaymentId.forOrder(order);
        commands.sendAndWait(new RequestPaymentCommand(payment, order, "customer-" + UUID.randomUUID(), AMOUNT,
                new PaymentInstruction(PaymentProvider.STRIPE, paymentMethod)));
        return payment;
    }

    private Api.Reply deliver(StripeStub.SignedEvent event) {
        return api.send("POST", WEBHOOK, null, event.payload(), Map.of("Stripe-Signature", event.signature()));
    }
}
