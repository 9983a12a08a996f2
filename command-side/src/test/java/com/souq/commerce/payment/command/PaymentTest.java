package com.souq.commerce.payment.command;

import static com.souq.commerce.payment.command.PaymentFixture.AMOUNT;
import static com.souq.commerce.payment.command.PaymentFixture.CARD;
import static com.souq.commerce.payment.command.PaymentFixture.CUSTOMER;
import static com.souq.commerce.payment.command.PaymentFixture.INTENT;
import static com.souq.commerce.payment.command.PaymentFixture.ORDER;
import static com.souq.commerce.payment.command.PaymentFixture.PAYMENT;
import static com.souq.commerce.payment.command.PaymentFixture.THREE_D_SECURE;
import static com.souq.commerce.payment.command.PaymentFixture.actionRequired;
import static com.souq.commerce.payment.command.PaymentFixture.authorized;
import static com.souq.commerce.payment.command.PaymentFixture.authorizedEvent;
import static com.souq.commerce.payment.command.PaymentFixture.awaitingAction;
import static com.souq.commerce.payment.command.PaymentFixture.cancelledEvent;
import static com.souq.commerce.payment.command.PaymentFixture.captureRequestedEvent;
import static com.souq.commerce.payment.command.PaymentFixture.captured;
import static com.souq.commerce.payment.command.PaymentFixture.capturedEvent;
import static com.souq.commerce.payment.command.PaymentFixture.capturing;
import static com.souq.commerce.payment.command.PaymentFixture.failedEvent;
import static com.souq.commerce.payment.command.PaymentFixture.request;
import static com.souq.commerce.payment.command.PaymentFixture.requested;
import static com.souq.commerce.payment.command.PaymentFixture.with;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.payment.api.CancelPaymentCommand;
import com.souq.commerce.payment.api.CapturePaymentCommand;
import com.souq.commerce.payment.api.PaymentAuthorizedEvent;
import com.souq.commerce.payment.api.PaymentFailedEvent;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentRequestedEvent;
import com.souq.commerce.payment.api.RecordPaymentActionRequiredCommand;
import com.souq.commerce.payment.api.RecordPaymentAuthorizationCommand;
import com.souq.commerce.payment.api.RecordPaymentCaptureCommand;
import com.souq.commerce.payment.api.RecordPaymentFailureCommand;
import com.souq.commerce.payment.api.RequestPaymentCommand;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final String DEADLINE = "Checkout deadline passed";

    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    @Test
    void requestingAPaymentInitiatesIt() {
        fixture.givenNoPriorActivity()
                .when(request())
                .expectEvents(requested());
    }

    @Test
    void requestingTheSamePaymentAgainChangesNothing() {
        fixture.given(requested())
                .when(request())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(authorized())
                .when(new RequestPaymentCommand(PAYMENT, ORDER, CUSTOMER, Money.of(1_00, "EGP"), CARD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAPaymentOfNothingOrLess() {
        fixture.givenNoPriorActivity()
                .when(new RequestPaymentCommand(PAYMENT, ORDER, CUSTOMER, Money.of(0, "EGP"), CARD))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A payment is for a positive amount")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RequestPaymentCommand(PAYMENT, ORDER, CUSTOMER, Money.of(-5_00, "EGP"), CARD))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesAPaymentWithoutOrderOrInstruction() {
        OrderId order = OrderId.random();
        fixture.givenNoPriorActivity()
                .when(new RequestPaymentCommand(PaymentId.forOrder(order), order, CUSTOMER, AMOUNT, null))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void providerAskingForAnExtraStepMakesThePaymentWaitForTheShopper() {
        fixture.given(requested())
                .when(new RecordPaymentActionRequiredCommand(PAYMENT, INTENT, THREE_D_SECURE))
                .expectEvents(actionRequired());
    }

    @Test
    void extraStepRecordedAgainOrAfterAuthorizationChangesNothing() {
        fixture.given(awaitingAction())
                .when(new RecordPaymentActionRequiredCommand(PAYMENT, INTENT, THREE_D_SECURE))
                .expectNoEvents();
        fixture.given(authorized())
                .when(new RecordPaymentActionRequiredCommand(PAYMENT, INTENT, THREE_D_SECURE))
                .expectNoEvents();
    }

    @Test
    void providerHoldingTheRequestedAmountAuthorizesThePayment() {
        fixture.given(requested())
                .when(new RecordPaymentAuthorizationCommand(PAYMENT, INTENT, AMOUNT))
                .expectEvents(authorizedEvent());
    }

    @Test
    void shopperCompletingTheExtraStepAuthorizesThePayment() {
        fixture.given(awaitingAction())
                .when(new RecordPaymentAuthorizationCommand(PAYMENT, INTENT, AMOUNT))
                .expectEvents(authorizedEvent());
    }

    @Test
    void authorizationOfAnotherAmountIsRecordedAsAFailure() {
        fixture.given(requested())
                .when(new RecordPaymentAuthorizationCommand(PAYMENT, INTENT, Money.of(6_000_00, "EGP")))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(event -> event instanceof PaymentFailedEvent failed
                                && failed.providerReference().equals(INTENT)
                                && failed.reason().startsWith(Payment.AMOUNT_MISMATCH)),
                        Matchers.andNoMore())));
        fixture.given(requested())
                .when(new RecordPaymentAuthorizationCommand(PAYMENT, INTENT, Money.of(6_640_50, "SAR")))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(event -> event instanceof PaymentFailedEvent),
                        Matchers.andNoMore())));
    }

    @Test
    void authorizationRecordedTwiceOrLateChangesNothing() {
        RecordPaymentAuthorizationCommand webhook = new RecordPaymentAuthorizationCommand(PAYMENT, INTENT, AMOUNT);
        fixture.given(authorized()).when(webhook).expectNoEvents();
        fixture.given(capturing()).when(webhook).expectNoEvents();
        fixture.given(captured()).when(webhook).expectNoEvents();
        fixture.given(requested(), cancelledEvent(null, DEADLINE)).when(webhook).expectNoEvents();
        fixture.given(requested(), failedEvent(INTENT, "card_declined")).when(webhook).expectNoEvents();
    }

    @Test
    void captureOfAnAuthorizedPaymentStartsCapturing() {
        fixture.given(authorized())
                .when(new CapturePaymentCommand(PAYMENT))
                .expectEvents(captureRequestedEvent());
    }

    @Test
    void captureRequestedTwiceOrOfAPaymentNotAuthorizedChangesNothing() {
        CapturePaymentCommand capture = new CapturePaymentCommand(PAYMENT);
        fixture.given(capturing()).when(capture).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(captured()).when(capture).expectNoEvents();
        fixture.given(requested()).when(capture).expectNoEvents();
        fixture.given(awaitingAction()).when(capture).expectNoEvents();
        fixture.given(with(authorized(), cancelledEvent(INTENT, DEADLINE))).when(capture).expectNoEvents();
        fixture.given(requested(), failedEvent(INTENT, "card_declined")).when(capture).expectNoEvents();
    }

    @Test
    void providerConfirmingTheCaptureCapturesThePayment() {
        fixture.given(capturing())
                .when(new RecordPaymentCaptureCommand(PAYMENT, INTENT, AMOUNT))
                .expectEvents(capturedEvent());
    }

    @Test
    void captureConfirmedTwiceChangesNothing() {
        fixture.given(captured())
                .when(new RecordPaymentCaptureCommand(PAYMENT, INTENT, AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void captureTheEngineNeverAskedForIsNotRecorded() {
        RecordPaymentCaptureCommand webhook = new RecordPaymentCaptureCommand(PAYMENT, INTENT, AMOUNT);
        fixture.given(authorized()).when(webhook).expectNoEvents();
        fixture.given(requested()).when(webhook).expectNoEvents();
        fixture.given(with(authorized(), cancelledEvent(INTENT, DEADLINE))).when(webhook).expectNoEvents();
    }

    @Test
    void declineBeforeAuthorizationFailsThePayment() {
        fixture.given(requested())
                .when(new RecordPaymentFailureCommand(PAYMENT, INTENT, "card_declined"))
                .expectEvents(failedEvent(INTENT, "card_declined"));
        fixture.given(awaitingAction())
                .when(new RecordPaymentFailureCommand(PAYMENT, INTENT, "authentication_failed"))
                .expectEvents(failedEvent(INTENT, "authentication_failed"));
    }

    @Test
    void providerRefusingTheCaptureFailsThePayment() {
        fixture.given(capturing())
                .when(new RecordPaymentFailureCommand(PAYMENT, INTENT, "authorization expired"))
                .expectEvents(failedEvent(INTENT, "authorization expired"));
    }

    @Test
    void failureKeepsTheReferenceTheProviderGaveFirst() {
        fixture.given(awaitingAction())
                .when(new RecordPaymentFailureCommand(PAYMENT, null, "authentication_failed"))
                .expectEvents(failedEvent(INTENT, "authentication_failed"));
    }

    @Test
    void failureOfAFinalPaymentChangesNothing() {
        RecordPaymentFailureCommand late = new RecordPaymentFailureCommand(PAYMENT, INTENT, "card_declined");
        fixture.given(captured()).when(late).expectNoEvents();
        fixture.given(requested(), failedEvent(INTENT, "card_declined")).when(late).expectNoEvents();
        fixture.given(requested(), cancelledEvent(null, DEADLINE)).when(late).expectNoEvents();
    }

    @Test
    void checkoutCancelsAPaymentNotYetCapturing() {
        fixture.given(requested())
                .when(new CancelPaymentCommand(PAYMENT, DEADLINE))
                .expectResultMessagePayload(true)
                .expectEvents(cancelledEvent(null, DEADLINE));
        fixture.given(awaitingAction())
                .when(new CancelPaymentCommand(PAYMENT, DEADLINE))
                .expectResultMessagePayload(true)
                .expectEvents(cancelledEvent(INTENT, DEADLINE));
        fixture.given(authorized())
                .when(new CancelPaymentCommand(PAYMENT, DEADLINE))
                .expectResultMessagePayload(true)
                .expectEvents(cancelledEvent(INTENT, DEADLINE));
    }

    @Test
    void capturingCanNoLongerBeCancelled() {
        fixture.given(capturing())
                .when(new CancelPaymentCommand(PAYMENT, DEADLINE))
                .expectResultMessagePayload(false)
                .expectNoEvents();
        fixture.given(captured())
                .when(new CancelPaymentCommand(PAYMENT, DEADLINE))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void cancellingAFinalPaymentAgainChangesNothing() {
        fixture.given(with(authorized(), cancelledEvent(INTENT, DEADLINE)))
                .when(new CancelPaymentCommand(PAYMENT, "Order cancelled by the customer"))
                .expectResultMessagePayload(false)
                .expectNoEvents();
        fixture.given(requested(), failedEvent(INTENT, "card_declined"))
                .when(new CancelPaymentCommand(PAYMENT, DEADLINE))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void cancellingAPaymentNeverRequestedChangesNothing() {
        fixture.givenNoPriorActivity()
                .when(new CancelPaymentCommand(PAYMENT, DEADLINE))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void sandboxPaymentFollowsTheSameLifecycle() {
        PaymentInstruction sandbox = PaymentInstruction.sandbox(PaymentInstruction.SANDBOX_APPROVE);
        fixture.given(new PaymentRequestedEvent(PAYMENT, ORDER, CUSTOMER, AMOUNT, sandbox))
                .when(new RecordPaymentAuthorizationCommand(PAYMENT, "sandbox_" + PAYMENT, AMOUNT))
                .expectEvents(new PaymentAuthorizedEvent(PAYMENT, ORDER, PaymentProvider.SANDBOX,
                        "sandbox_" + PAYMENT, AMOUNT));
    }
}
