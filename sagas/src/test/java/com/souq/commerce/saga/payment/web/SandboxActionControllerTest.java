package com.souq.commerce.saga.payment.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.payment.api.PaymentActionRequiredEvent;
import com.souq.commerce.payment.api.PaymentAuthorizedEvent;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentRequestedEvent;
import com.souq.commerce.payment.api.RecordPaymentAuthorizationCommand;
import com.souq.commerce.payment.api.RecordPaymentFailureCommand;
import com.souq.commerce.platform.web.ProblemDetailsAdvice;
import com.souq.commerce.saga.payment.SandboxGateway;
import com.souq.commerce.shared.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The sandbox's extra step as a web slice over a payment's stored events. */
class SandboxActionControllerTest {

    private static final OrderId ORDER = OrderId.of("0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e");
    private static final PaymentId PAYMENT = PaymentId.forOrder(ORDER);
    private static final String SHOPPER = "customer-heliopolis";
    private static final Money AMOUNT = Money.of(350_00, "EGP");
    private static final String REFERENCE = SandboxGateway.referenceOf(PAYMENT);

    private CommandGateway commands;
    private EventStore events;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        commands = mock(CommandGateway.class);
        events = mock(EventStore.class);
        when(events.readEvents(anyString())).thenAnswer(call -> DomainEventStream.empty());
        mvc = MockMvcBuilders.standaloneSetup(new SandboxActionController(commands, events))
                .setControllerAdvice(new ProblemDetailsAdvice())
                .build();
    }

    private void stored(PaymentInstruction instruction, Object... later) {
        List<DomainEventMessage<?>> history = new ArrayList<>();
        history.add(event(0, new PaymentRequestedEvent(PAYMENT, ORDER, SHOPPER, AMOUNT, instruction)));
        for (Object next : later) {
            history.add(event(history.size(), next));
        }
        when(events.readEvents(PAYMENT.value())).thenAnswer(call -> DomainEventStream.of(history.stream(), null));
    }

    private void awaitingTheShopper() {
        stored(PaymentInstruction.sandbox(PaymentInstruction.SANDBOX_REQUIRES_ACTION),
                new PaymentActionRequiredEvent(PAYMENT, ORDER, PaymentProvider.SANDBOX, REFERENCE,
                        SandboxGateway.actionPathOf(PAYMENT)));
    }

    private static DomainEventMessage<?> event(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Payment", PAYMENT.value(), sequence, payload);
    }

    private ResultActions act(String paymentId, String outcome, Authentication caller) throws Exception {
        return mvc.perform(post("/api/v1/payments/" + paymentId + "/sandbox/action").principal(caller)
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"" + outcome + "\"}"));
    }

    private static Authentication caller(String subject, String role) {
        return new TestingAuthenticationToken(subject, null, "ROLE_" + role);
    }

    @Test
    void shopperApprovingIsHeardAsTheProvidersAuthorization() throws Exception {
        awaitingTheShopper();

        act(PAYMENT.value(), "approve", caller(SHOPPER, "CUSTOMER"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.paymentId").value(PAYMENT.value()))
                .andExpect(jsonPath("$.outcome").value("approve"));
        verify(commands).sendAndWait(eq(new RecordPaymentAuthorizationCommand(PAYMENT, REFERENCE, AMOUNT)),
                anyLong(), any(TimeUnit.class));
    }

    @Test
    void shopperDecliningFailsThePayment() throws Exception {
        awaitingTheShopper();

        act(PAYMENT.value(), "decline", caller(SHOPPER, "CUSTOMER")).andExpect(status().isAccepted());
        verify(commands).sendAndWait(eq(new RecordPaymentFailureCommand(PAYMENT, REFERENCE,
                SandboxActionController.DECLINED)), anyLong(), any(TimeUnit.class));
    }

    @Test
    void administratorMayActForTheShopper() throws Exception {
        awaitingTheShopper();

        act(PAYMENT.value(), "approve", caller("admin-payments", "ADMIN")).andExpect(status().isAccepted());
    }

    @Test
    void anotherCustomersPaymentIsForbidden() throws Exception {
        awaitingTheShopper();

        act(PAYMENT.value(), "approve", caller("customer-giza", "CUSTOMER"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOT_YOUR_PAYMENT"));
        verifyNoInteractions(commands);
    }

    @Test
    void unknownPaymentIsNotFound() throws Exception {
        act(PaymentId.forOrder(OrderId.random()).value(), "approve", caller(SHOPPER, "CUSTOMER"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        act("not-a-payment", "approve", caller(SHOPPER, "CUSTOMER"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_IDENTIFIER"));
        verifyNoInteractions(commands);
    }

    @Test
    void paymentWaitingForNoStepIsAConflict() throws Exception {
        stored(PaymentInstruction.sandbox(PaymentInstruction.SANDBOX_APPROVE),
                new PaymentAuthorizedEvent(PAYMENT, ORDER, PaymentProvider.SANDBOX, REFERENCE, AMOUNT));

        act(PAYMENT.value(), "approve", caller(SHOPPER, "CUSTOMER"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NO_ACTION_PENDING"));
        verifyNoInteractions(commands);
    }

    @Test
    void stripePaymentIsNotTheSandboxs() throws Exception {
        stored(new PaymentInstruction(PaymentProvider.STRIPE, "pm_card_threeDSecure2Required"),
                new PaymentActionRequiredEvent(PAYMENT, ORDER, PaymentProvider.STRIPE, "pi_1", "https://stripe"));

        act(PAYMENT.value(), "approve", caller(SHOPPER, "CUSTOMER"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NOT_A_SANDBOX_PAYMENT"));
    }

    @Test
    void outcomeOtherThanApproveOrDeclineIsInvalid() throws Exception {
        awaitingTheShopper();

        act(PAYMENT.value(), "maybe", caller(SHOPPER, "CUSTOMER"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
        verifyNoInteractions(commands);
    }
}
