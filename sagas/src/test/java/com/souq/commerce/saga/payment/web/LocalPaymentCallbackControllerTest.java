package com.souq.commerce.saga.payment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.souq.commerce.infrastructure.localpayments.LocalPaymentsStub;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.payment.api.PaymentAuthorizedEvent;
import com.souq.commerce.payment.api.PaymentCancelledEvent;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentRequestedEvent;
import com.souq.commerce.payment.api.RecordPaymentAuthorizationCommand;
import com.souq.commerce.payment.api.RecordPaymentFailureCommand;
import com.souq.commerce.platform.axon.AxonInfrastructureConfiguration;
import com.souq.commerce.platform.web.ProblemDetailsAdvice;
import com.souq.commerce.saga.payment.LocalPaymentsProperties;
import com.souq.commerce.shared.money.Money;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The local methods' callbacks as a web slice: real signatures of the stub, payments in an in-memory store. */
class LocalPaymentCallbackControllerTest {

    private static final String SECRET = "vc_callback_secret";
    private static final String PATH = "/api/v1/payments/webhooks/vodafone-cash";
    private static final Money AMOUNT = Money.of(1_140_00, "EGP");

    private final CommandGateway commands = mock(CommandGateway.class);
    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new LocalPaymentCallbackController(commands, events,
                    new LocalPaymentsProperties(disabled(), method(SECRET), disabled(),
                            new LocalPaymentsProperties.CashOnDelivery(true))))
            .setControllerAdvice(new ProblemDetailsAdvice()).build();
    private final OrderId order = OrderId.random();
    private final PaymentId payment = PaymentId.forOrder(order);
    private long sequence;

    private static LocalPaymentsProperties.LocalMethod method(String secret) {
        return new LocalPaymentsProperties.LocalMethod(true, "http://aggregator.test", "key", secret,
                "http://engine.test" + PATH, null, Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    private static LocalPaymentsProperties.LocalMethod disabled() {
        return new LocalPaymentsProperties.LocalMethod(false, null, null, null, null, null, Duration.ofSeconds(1),
                Duration.ofSeconds(1));
    }

    private void stored(Object event) {
        events.publish(new GenericDomainEventMessage<>("Payment", payment.value(), sequence++, event));
    }

    private void requested(PaymentProvider provider) {
        stored(new PaymentRequestedEvent(payment, order, "customer-1", AMOUNT,
                new PaymentInstruction(provider, "01001234567")));
    }

    private static String body(String reference, String status) {
        return "{\"event_id\":\"evt_1\",\"payment_id\":\"lp_1\",\"merchant_reference\":\"" + reference
                + "\",\"status\":\"" + status + "\",\"amount_minor\":114000,\"currency\":\"EGP\","
                + "\"failure_reason\":\"" + ("paid".equals(status) ? "" : "wallet_balance_too_low") + "\"}";
    }

    private ResultActions deliver(String body, String signature) throws Exception {
        var request = post(PATH).contentType(MediaType.APPLICATION_JSON).content(body);
        if (signature != null) {
            request.header("X-Signature", signature);
        }
        return mvc.perform(request);
    }

    private Object sent() {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<CommandMessage<?>> message = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(message.capture(), anyLong(), any(TimeUnit.class));
        assertThat(message.getValue().getMetaData()).containsEntry(AxonInfrastructureConfiguration.SUBJECT,
                "provider:vodafone-cash");
        return message.getValue().getPayload();
    }

    @Test
    void aSignedPaidCallbackRecordsTheAuthorization() throws Exception {
        requested(PaymentProvider.VODAFONE_CASH);
        String body = body(payment.value(), "paid");

        deliver(body, LocalPaymentsStub.signature(body, SECRET))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("recorded"));

        assertThat(sent()).isEqualTo(new RecordPaymentAuthorizationCommand(payment, "lp_1", AMOUNT));
    }

    @Test
    void aSignedFailedCallbackRecordsTheFailureWithItsReason() throws Exception {
        requested(PaymentProvider.VODAFONE_CASH);
        String body = body(payment.value(), "failed");

        deliver(body, LocalPaymentsStub.signature(body, SECRET)).andExpect(status().isOk());

        assertThat(sent()).isEqualTo(new RecordPaymentFailureCommand(payment, "lp_1",
                "failed: wallet_balance_too_low"));
    }

    @Test
    void aForgedOrMissingSignatureIsA400ProblemAndSendsNothing() throws Exception {
        requested(PaymentProvider.VODAFONE_CASH);
        String body = body(payment.value(), "paid");

        deliver(body, LocalPaymentsStub.signature(body, "not-the-secret"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_SIGNATURE"));
        deliver(body, null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_SIGNATURE"));
        String tampered = body.replace("114000", "1");
        deliver(tampered, LocalPaymentsStub.signature(body, SECRET)).andExpect(status().isBadRequest());
        verifyNoInteractions(commands);
    }

    @Test
    void aRepeatedCallbackAfterTheAuthorizationChangesNothing() throws Exception {
        requested(PaymentProvider.VODAFONE_CASH);
        stored(new PaymentAuthorizedEvent(payment, order, PaymentProvider.VODAFONE_CASH, "lp_1", AMOUNT));
        String body = body(payment.value(), "paid");

        deliver(body, LocalPaymentsStub.signature(body, SECRET))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ignored"))
                .andExpect(jsonPath("$.detail").value("payment " + payment + " is AUTHORIZED"));
        verifyNoInteractions(commands);
    }

    @Test
    void aCallbackForAnUnknownOrCancelledPaymentIsAcknowledgedAndIgnored() throws Exception {
        String unknown = body(PaymentId.forOrder(OrderId.random()).value(), "paid");
        deliver(unknown, LocalPaymentsStub.signature(unknown, SECRET))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("ignored"));

        requested(PaymentProvider.VODAFONE_CASH);
        stored(new PaymentCancelledEvent(payment, order, PaymentProvider.VODAFONE_CASH, "lp_1", "deadline"));
        String late = body(payment.value(), "paid");
        deliver(late, LocalPaymentsStub.signature(late, SECRET))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.detail").value("payment " + payment + " is CANCELLED"));
        verifyNoInteractions(commands);
    }

    @Test
    void aCallbackAboutAPaymentOfAnotherMethodIsIgnored() throws Exception {
        requested(PaymentProvider.INSTAPAY);
        String body = body(payment.value(), "paid");

        deliver(body, LocalPaymentsStub.signature(body, SECRET))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("ignored"));
        verifyNoInteractions(commands);
    }

    @Test
    void aSignedBodyThatIsNoCallbackIsMalformedAndAMethodNotEnabledIsNotFound() throws Exception {
        String body = "{\"status\":\"paid\"}";
        deliver(body, LocalPaymentsStub.signature(body, SECRET))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST_BODY"));
        mvc.perform(post("/api/v1/payments/webhooks/mada").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("X-Signature", LocalPaymentsStub.signature(body, SECRET)))
                .andExpect(status().isNotFound());
        verifyNoInteractions(commands);
    }
}
