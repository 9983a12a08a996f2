package com.souq.commerce.engine.payment;

import static com.souq.commerce.engine.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Problems;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.payment.api.CapturePaymentCommand;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.RequestPaymentCommand;
import com.souq.commerce.shared.money.Money;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sandbox provider end to end: approve, decline, and the shopper's extra step over HTTP. */
@EngineIntegrationTest
class SandboxPaymentFlowTest {

    private static final Money AMOUNT = Money.of(350_00, "EGP");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommandGateway commands;

    Api api;
    Problems problems;
    PaymentJournal journal;
    String shopper;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        problems = new Problems(jdbc);
        journal = new PaymentJournal(jdbc);
        shopper = "customer-" + UUID.randomUUID();
    }

    @Test
    void approvedPaymentIsAuthorizedAndCaptured() {
        PaymentId payment = request(PaymentInstruction.SANDBOX_APPROVE);

        assertThat(journal.awaitLast(payment, "PaymentAuthorizedEvent"))
                .containsEntry("reference", "sandbox_" + payment).containsEntry("amount", "35000");
        commands.sendAndWait(new CapturePaymentCommand(payment));
        journal.awaitLast(payment, "PaymentCapturedEvent");
    }

    @Test
    void declinedPaymentFails() {
        PaymentId payment = request(PaymentInstruction.SANDBOX_DECLINE);

        assertThat((String) journal.awaitLast(payment, "PaymentFailedEvent").get("reason"))
                .startsWith("card_declined");
    }

    @Test
    void shopperApprovesTheExtraStepOverHttp() {
        PaymentId payment = request(PaymentInstruction.SANDBOX_REQUIRES_ACTION);
        String path = (String) journal.awaitLast(payment, "PaymentActionRequiredEvent").get("next_action");
        assertThat(path).isEqualTo("/api/v1/payments/" + payment + "/sandbox/action");

        String stranger = api.token("customer-" + UUID.randomUUID(), "CUSTOMER");
        assertProblem(problems.writesNothing(() -> api.post(path, stranger, Map.of("outcome", "approve"))), 403,
                "NOT_YOUR_PAYMENT");
        assertProblem(problems.writesNothing(() -> api.post(path, null, Map.of("outcome", "approve"))), 401,
                "UNAUTHENTICATED");

        String owner = api.token(shopper, "CUSTOMER");
        Api.Reply approved = api.post(path, owner, Map.of("outcome", "approve"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(202);
        journal.awaitLast(payment, "PaymentAuthorizedEvent");
        assertThat(journal.causedBy(approved)).as("events carry the request's correlation id")
                .contains("PaymentAuthorizedEvent");

        assertProblem(problems.writesNothing(() -> api.post(path, owner, Map.of("outcome", "approve"))), 409,
                "NO_ACTION_PENDING");
    }

    @Test
    void shopperDecliningTheExtraStepFailsThePayment() {
        PaymentId payment = request(PaymentInstruction.SANDBOX_REQUIRES_ACTION);
        String path = (String) journal.awaitLast(payment, "PaymentActionRequiredEvent").get("next_action");

        Api.Reply declined = api.post(path, api.token("admin-payments", "ADMIN"), Map.of("outcome", "decline"));

        assertThat(declined.status()).as(declined.toString()).isEqualTo(202);
        journal.awaitLast(payment, "PaymentFailedEvent");
    }

    @Test
    void actionOnAPaymentNobodyRequestedIsNotFound() {
        String path = "/api/v1/payments/" + PaymentId.forOrder(OrderId.random()) + "/sandbox/action";

        assertProblem(problems.writesNothing(() -> api.post(path, api.token(shopper, "CUSTOMER"),
                Map.of("outcome", "approve"))), 404, "NOT_FOUND");
    }

    private PaymentId request(String outcome) {
        OrderId order = OrderId.random();
        PaymentId payment = PaymentId.forOrder(order);
        commands.sendAndWait(new RequestPaymentCommand(payment, order, shopper, AMOUNT,
                PaymentInstruction.sandbox(outcome)));
        return payment;
    }
}
