package com.souq.commerce.saga.payment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.souq.commerce.infrastructure.stripe.StripeStub;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.RecordPaymentAuthorizationCommand;
import com.souq.commerce.payment.api.RecordPaymentCaptureCommand;
import com.souq.commerce.payment.api.RecordPaymentFailureCommand;
import com.souq.commerce.platform.axon.AxonInfrastructureConfiguration;
import com.souq.commerce.platform.web.ProblemDetailsAdvice;
import com.souq.commerce.saga.payment.PaymentsProperties;
import com.souq.commerce.shared.error.DomainError;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The webhook as a web slice: real Stripe signatures and events from the stub, a recording command gateway. */
class StripeWebhookControllerTest {

    private static final String SECRET = "whsec_webhook_test";
    private static final String PATH = "/api/v1/payments/webhooks/stripe";

    private StripeStub stripe;
    private StripeClient client;
    private CommandGateway commands;
    private MockMvc mvc;
    private PaymentId payment;

    @BeforeEach
    void setUp() {
        stripe = StripeStub.start("sk_test_webhook", SECRET, Stripe.API_VERSION);
        client = StripeClient.builder().setApiKey(stripe.apiKey()).setApiBase(stripe.baseUrl())
                .setMaxNetworkRetries(0).build();
        commands = mock(CommandGateway.class);
        PaymentsProperties properties = new PaymentsProperties(new PaymentsProperties.Sandbox(true),
                new PaymentsProperties.Stripe(true, stripe.apiKey(), stripe.baseUrl(), SECRET, null, 0,
                        Duration.ofSeconds(2), Duration.ofSeconds(5)));
        mvc = MockMvcBuilders.standaloneSetup(new StripeWebhookController(commands, properties))
                .setControllerAdvice(new ProblemDetailsAdvice())
                .build();
        payment = PaymentId.forOrder(OrderId.random());
    }

    @AfterEach
    void tearDown() {
        stripe.close();
    }

    @Test
    void capturableAmountRecordsTheAuthorization() throws Exception {
        String intent = intent(StripeStub.VISA, true);

        deliver(stripe.event("payment_intent.amount_capturable_updated", intent))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("recorded"));

        assertThat(sent()).isEqualTo(new RecordPaymentAuthorizationCommand(payment, intent,
                Money.of(6_640_50, "EGP")));
    }

    @Test
    void succeededRecordsTheCaptureAsTheWebhooksSubject() throws Exception {
        String intent = intent(StripeStub.VISA, true);
        client.v1().paymentIntents().capture(intent, PaymentIntentCaptureParams.builder().build(),
                RequestOptions.getDefault());

        deliver(stripe.event("payment_intent.succeeded", intent)).andExpect(status().isOk());

        ArgumentCaptor<CommandMessage<?>> message = commandMessage();
        assertThat(message.getValue().getPayload()).isEqualTo(new RecordPaymentCaptureCommand(payment, intent,
                Money.of(6_640_50, "EGP")));
        assertThat(message.getValue().getMetaData()).containsEntry(AxonInfrastructureConfiguration.SUBJECT,
                StripeWebhookController.WEBHOOK_SUBJECT);
    }

    @Test
    void paymentFailedRecordsTheFailureWithStripesReason() throws Exception {
        String intent = intent(StripeStub.DECLINED, true);

        deliver(stripe.event("payment_intent.payment_failed", intent)).andExpect(status().isOk());

        assertThat(sent()).isEqualTo(new RecordPaymentFailureCommand(payment, intent,
                "generic_decline: Your card was declined."));
    }

    @Test
    void badSignatureIsA400ProblemAndSendsNothing() throws Exception {
        StripeStub.SignedEvent event = stripe.event("payment_intent.succeeded", intent(StripeStub.VISA, true));
        String forged = StripeStub.signature(event.payload(), "whsec_forged", Instant.now().getEpochSecond());

        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(event.payload())
                        .header("Stripe-Signature", forged))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_SIGNATURE"));
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(event.payload()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_SIGNATURE"));
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON)
                        .content(event.payload().replace("6640", "6641"))
                        .header("Stripe-Signature", event.signature()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_SIGNATURE"));
        verifyNoInteractions(commands);
    }

    @Test
    void signatureOlderThanStripesToleranceIsRefused() throws Exception {
        StripeStub.SignedEvent event = stripe.event("payment_intent.succeeded", intent(StripeStub.VISA, true));
        String replayed = StripeStub.signature(event.payload(), SECRET, Instant.now().minusSeconds(600)
                .getEpochSecond());

        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(event.payload())
                        .header("Stripe-Signature", replayed))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_SIGNATURE"));
        verifyNoInteractions(commands);
    }

    @Test
    void otherEventsAreAcknowledgedAndIgnored() throws Exception {
        String intent = intent(StripeStub.VISA, true);

        deliver(stripe.event("payment_intent.created", intent))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ignored"));
        verifyNoInteractions(commands);
    }

    @Test
    void intentTheEngineDidNotCreateIsAcknowledgedAndIgnored() throws Exception {
        String foreign = intent(StripeStub.VISA, false);

        deliver(stripe.event("payment_intent.amount_capturable_updated", foreign))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ignored"));
        verifyNoInteractions(commands);
    }

    @Test
    void paymentTheEngineDoesNotKnowIsAcknowledgedSoStripeStopsRetrying() throws Exception {
        when(commands.sendAndWait(any(), anyLong(), any())).thenThrow(new CommandExecutionException("unknown", null,
                new DomainError(DomainRuleViolation.Kind.NOT_FOUND, "NOT_FOUND", "No payment")));

        deliver(stripe.event("payment_intent.amount_capturable_updated", intent(StripeStub.VISA, true)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ignored"));
    }

    @Test
    void engineFailingIsA5xxForStripeToRetry() throws Exception {
        when(commands.sendAndWait(any(), anyLong(), any())).thenThrow(new IllegalStateException("database down"));

        deliver(stripe.event("payment_intent.amount_capturable_updated", intent(StripeStub.VISA, true)))
                .andExpect(status().is5xxServerError());
    }

    private ResultActions deliver(StripeStub.SignedEvent event) throws Exception {
        return mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(event.payload())
                .header("Stripe-Signature", event.signature()));
    }

    private String intent(String paymentMethod, boolean ours) throws StripeException {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(6_640_50L).setCurrency("egp")
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                .setConfirm(true).setPaymentMethod(paymentMethod);
        if (ours) {
            params.putMetadata("paymentId", payment.value());
        }
        try {
            return client.v1().paymentIntents().create(params.build(), RequestOptions.getDefault()).getId();
        } catch (CardException declined) {
            return declined.getStripeError().getPaymentIntent().getId();
        }
    }

    private Object sent() {
        return commandMessage().getValue().getPayload();
    }

    @SuppressWarnings("unchecked")
    private ArgumentCaptor<CommandMessage<?>> commandMessage() {
        ArgumentCaptor<CommandMessage<?>> message = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(message.capture(), anyLong(), any(TimeUnit.class));
        return message;
    }
}
