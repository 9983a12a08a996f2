package com.souq.commerce.saga.payment;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.payment.api.PaymentActionRequiredEvent;
import com.souq.commerce.payment.api.PaymentAuthorizedEvent;
import com.souq.commerce.payment.api.PaymentCancelledEvent;
import com.souq.commerce.payment.api.PaymentCaptureRequestedEvent;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentFailedEvent;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentRequestedEvent;
import com.souq.commerce.payment.api.RecordPaymentActionRequiredCommand;
import com.souq.commerce.payment.api.RecordPaymentAuthorizationCommand;
import com.souq.commerce.payment.api.RecordPaymentCaptureCommand;
import com.souq.commerce.payment.api.RecordPaymentFailureCommand;
import com.souq.commerce.shared.money.Money;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentProcessTest {

    private static final OrderId ORDER = OrderId.of("0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e");
    private static final PaymentId PAYMENT = PaymentId.forOrder(ORDER);
    private static final String CUSTOMER = "customer-heliopolis";
    private static final Money AMOUNT = Money.of(6_640_50, "EGP");
    private static final String INTENT = "pi_3PzY0aLkdIwHu7ix0mXkVb2c";
    private static final String REDIRECT = "https://hooks.stripe.com/3d_secure_2/hosted?payment_intent=" + INTENT;
    private static final PaymentInstruction CARD = new PaymentInstruction(PaymentProvider.STRIPE, "pm_card_visa");
    /** Long enough for every retry of one step. */
    private static final Duration ALL_RETRIES = Duration.ofHours(1);

    private SagaTestFixture<PaymentProcess> fixture;
    private PaymentGateway stripe;

    @BeforeEach
    void setUp() {
        stripe = mock(PaymentGateway.class);
        when(stripe.provider()).thenReturn(PaymentProvider.STRIPE);
        fixture = new SagaTestFixture<>(PaymentProcess.class);
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.registerResource(new PaymentGateways(List.of(stripe)));
    }

    private void providerAnswers(AuthorizationOutcome outcome) {
        when(stripe.authorize(any())).thenReturn(outcome);
    }

    private static ProviderUnavailableException unreachable() {
        return new ProviderUnavailableException("Connection refused");
    }

    private static PaymentRequestedEvent requested() {
        return new PaymentRequestedEvent(PAYMENT, ORDER, CUSTOMER, AMOUNT, CARD);
    }

    private static PaymentAuthorizedEvent authorized() {
        return new PaymentAuthorizedEvent(PAYMENT, ORDER, PaymentProvider.STRIPE, INTENT, AMOUNT);
    }

    private static PaymentCaptureRequestedEvent captureRequested() {
        return new PaymentCaptureRequestedEvent(PAYMENT, ORDER, PaymentProvider.STRIPE, INTENT, AMOUNT);
    }

    private static PaymentCancelledEvent cancelled(String reference) {
        return new PaymentCancelledEvent(PAYMENT, ORDER, PaymentProvider.STRIPE, reference, "Checkout deadline");
    }

    @Test
    void providerHoldingTheMoneyIsRecordedAsAuthorization() {
        providerAnswers(new AuthorizationOutcome.Authorized(INTENT, AMOUNT));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectActiveSagas(1)
                .expectAssociationWith(PaymentProcess.PAYMENT, PAYMENT.value())
                .expectDispatchedCommands(new RecordPaymentAuthorizationCommand(PAYMENT, INTENT, AMOUNT))
                .expectNoScheduledDeadlines();
        verify(stripe).authorize(new PaymentGateway.Authorization(PAYMENT, ORDER, AMOUNT, "pm_card_visa"));
    }

    @Test
    void extraStepTheProviderAsksForIsRecordedWithItsUrl() {
        providerAnswers(new AuthorizationOutcome.ActionRequired(INTENT, REDIRECT));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectDispatchedCommands(new RecordPaymentActionRequiredCommand(PAYMENT, INTENT, REDIRECT));
    }

    @Test
    void declineIsRecordedAsAFailure() {
        providerAnswers(new AuthorizationOutcome.Declined(INTENT, "generic_decline: Your card was declined."));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectDispatchedCommands(new RecordPaymentFailureCommand(PAYMENT, INTENT,
                        "generic_decline: Your card was declined."));
    }

    @Test
    void providerThisEngineDoesNotPayWithFailsThePaymentAtOnce() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new PaymentRequestedEvent(PAYMENT, ORDER, CUSTOMER, AMOUNT,
                        PaymentInstruction.sandbox(PaymentInstruction.SANDBOX_APPROVE)))
                .expectDispatchedCommands(new RecordPaymentFailureCommand(PAYMENT, null,
                        "PROVIDER_NOT_CONFIGURED: this engine does not pay with SANDBOX"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void unreachableProviderIsAskedAgainAfterABackoff() {
        when(stripe.authorize(any())).thenThrow(unreachable());

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(30), PaymentProcess.AUTHORIZE_RETRY);
    }

    @Test
    void retryAuthorizesOnceTheProviderAnswersWithTheSameKey() {
        when(stripe.authorize(any())).thenThrow(unreachable())
                .thenReturn(new AuthorizationOutcome.Authorized(INTENT, AMOUNT));

        fixture.givenAPublished(requested())
                .whenTimeElapses(Duration.ofSeconds(30))
                .expectDispatchedCommands(new RecordPaymentAuthorizationCommand(PAYMENT, INTENT, AMOUNT))
                .expectNoScheduledDeadlines();
        verify(stripe, times(2)).authorize(new PaymentGateway.Authorization(PAYMENT, ORDER, AMOUNT, "pm_card_visa"));
    }

    @Test
    void backoffDoublesAfterEachFailedAttempt() {
        when(stripe.authorize(any())).thenThrow(unreachable());

        fixture.givenAPublished(requested())
                .whenTimeElapses(Duration.ofSeconds(30))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofMinutes(1), PaymentProcess.AUTHORIZE_RETRY);
    }

    @Test
    void providerUnreachableForEveryAttemptFailsThePayment() {
        when(stripe.authorize(any())).thenThrow(unreachable());

        fixture.givenAPublished(requested())
                .whenTimeElapses(ALL_RETRIES)
                .expectDispatchedCommands(new RecordPaymentFailureCommand(PAYMENT, null,
                        "PROVIDER_UNAVAILABLE: no authorization after 6 attempts"))
                .expectNoScheduledDeadlines();
        verify(stripe, times(PaymentProcess.MAX_ATTEMPTS)).authorize(any());
    }

    @Test
    void webhookAnsweringFirstSettlesThePendingRetry() {
        when(stripe.authorize(any())).thenThrow(unreachable());

        fixture.givenAPublished(requested())
                .whenPublishingA(authorized())
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void shopperCompletingTheStepIsLeftToTheWebhook() {
        providerAnswers(new AuthorizationOutcome.ActionRequired(INTENT, REDIRECT));

        fixture.givenAPublished(requested())
                .whenPublishingA(new PaymentActionRequiredEvent(PAYMENT, ORDER, PaymentProvider.STRIPE, INTENT,
                        REDIRECT))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void captureRequestedTakesTheMoneyAtTheProvider() {
        providerAnswers(new AuthorizationOutcome.Authorized(INTENT, AMOUNT));
        when(stripe.capture(any())).thenReturn(new CaptureOutcome.Captured(INTENT, AMOUNT));

        fixture.givenAPublished(requested())
                .andThenAPublished(authorized())
                .whenPublishingA(captureRequested())
                .expectDispatchedCommands(new RecordPaymentCaptureCommand(PAYMENT, INTENT, AMOUNT));
        verify(stripe).capture(new PaymentGateway.Capture(PAYMENT, INTENT, AMOUNT));
    }

    @Test
    void captureTheProviderRefusesFailsThePayment() {
        providerAnswers(new AuthorizationOutcome.Authorized(INTENT, AMOUNT));
        when(stripe.capture(any())).thenReturn(new CaptureOutcome.Refused(INTENT, "the intent is canceled"));

        fixture.givenAPublished(requested())
                .andThenAPublished(authorized())
                .whenPublishingA(captureRequested())
                .expectDispatchedCommands(new RecordPaymentFailureCommand(PAYMENT, INTENT,
                        "CAPTURE_REFUSED: the intent is canceled"));
    }

    @Test
    void captureIsRetriedWhileTheProviderIsUnreachable() {
        providerAnswers(new AuthorizationOutcome.Authorized(INTENT, AMOUNT));
        when(stripe.capture(any())).thenThrow(unreachable())
                .thenReturn(new CaptureOutcome.Captured(INTENT, AMOUNT));

        fixture.givenAPublished(requested())
                .andThenAPublished(authorized())
                .andThenAPublished(captureRequested())
                .whenTimeElapses(Duration.ofSeconds(30))
                .expectDispatchedCommands(new RecordPaymentCaptureCommand(PAYMENT, INTENT, AMOUNT))
                .expectNoScheduledDeadlines();
    }

    @Test
    void captureUnconfirmedAfterEveryAttemptFailsThePayment() {
        providerAnswers(new AuthorizationOutcome.Authorized(INTENT, AMOUNT));
        when(stripe.capture(any())).thenThrow(unreachable());

        fixture.givenAPublished(requested())
                .andThenAPublished(authorized())
                .andThenAPublished(captureRequested())
                .whenTimeElapses(ALL_RETRIES)
                .expectDispatchedCommands(new RecordPaymentFailureCommand(PAYMENT, INTENT,
                        "PROVIDER_UNAVAILABLE: capture not confirmed after 6 attempts"));
    }

    @Test
    void captureEndsTheProcess() {
        providerAnswers(new AuthorizationOutcome.Authorized(INTENT, AMOUNT));
        when(stripe.capture(any())).thenReturn(new CaptureOutcome.Captured(INTENT, AMOUNT));

        fixture.givenAPublished(requested())
                .andThenAPublished(authorized())
                .andThenAPublished(captureRequested())
                .whenPublishingA(new PaymentCapturedEvent(PAYMENT, ORDER, CUSTOMER, PaymentProvider.STRIPE, INTENT,
                        AMOUNT))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void cancelledAuthorizationIsVoidedAtTheProviderAndTheProcessEnds() {
        providerAnswers(new AuthorizationOutcome.Authorized(INTENT, AMOUNT));
        when(stripe.cancel(any())).thenReturn(new CancellationOutcome.Voided(INTENT));

        fixture.givenAPublished(requested())
                .andThenAPublished(authorized())
                .whenPublishingA(cancelled(INTENT))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
        verify(stripe).cancel(new PaymentGateway.Cancellation(PAYMENT, INTENT));
    }

    @Test
    void authorizationThePaymentNoLongerTookIsVoidedByTheProcessOwnReference() {
        providerAnswers(new AuthorizationOutcome.Authorized(INTENT, AMOUNT));
        when(stripe.cancel(any())).thenReturn(new CancellationOutcome.Voided(INTENT));

        // cancelled while the provider was answering: the Payment never saw the authorization
        fixture.givenAPublished(requested())
                .whenPublishingA(cancelled(null))
                .expectActiveSagas(0);
        verify(stripe).cancel(new PaymentGateway.Cancellation(PAYMENT, INTENT));
    }

    @Test
    void cancelledBeforeTheProviderEverAnsweredEndsWithNothingToVoid() {
        when(stripe.authorize(any())).thenThrow(unreachable());

        fixture.givenAPublished(requested())
                .whenPublishingA(cancelled(null))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
        verify(stripe, never()).cancel(any());
    }

    @Test
    void failedPaymentVoidsWhatTheProviderMayHold() {
        providerAnswers(new AuthorizationOutcome.Authorized(INTENT, AMOUNT));
        when(stripe.cancel(any())).thenReturn(new CancellationOutcome.Voided(INTENT));

        fixture.givenAPublished(requested())
                .whenPublishingA(new PaymentFailedEvent(PAYMENT, ORDER, PaymentProvider.STRIPE, INTENT,
                        "AMOUNT_MISMATCH: the provider holds 60.00 EGP of 6640.50 EGP"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
        verify(stripe).cancel(new PaymentGateway.Cancellation(PAYMENT, INTENT));
    }

    @Test
    void voidIsRetriedWhileTheProviderIsUnreachable() {
        providerAnswers(new AuthorizationOutcome.Authorized(INTENT, AMOUNT));
        when(stripe.cancel(any())).thenThrow(unreachable()).thenReturn(new CancellationOutcome.Voided(INTENT));

        fixture.givenAPublished(requested())
                .andThenAPublished(authorized())
                .andThenAPublished(cancelled(INTENT))
                .whenTimeElapses(Duration.ofSeconds(30))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        verify(stripe, times(2)).cancel(new PaymentGateway.Cancellation(PAYMENT, INTENT));
    }

    @Test
    void voidUnreachableForEveryAttemptEndsTheProcessWithoutAnyCommand() {
        providerAnswers(new AuthorizationOutcome.Authorized(INTENT, AMOUNT));
        when(stripe.cancel(any())).thenThrow(unreachable());

        fixture.givenAPublished(requested())
                .andThenAPublished(authorized())
                .andThenAPublished(cancelled(INTENT))
                .whenTimeElapses(ALL_RETRIES)
                .expectActiveSagas(0)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
        verify(stripe, times(PaymentProcess.MAX_ATTEMPTS)).cancel(any());
    }

    @Test
    void authorizationTheProviderWillNotVoidStillEndsTheProcess() {
        providerAnswers(new AuthorizationOutcome.Authorized(INTENT, AMOUNT));
        when(stripe.cancel(any())).thenReturn(new CancellationOutcome.NotVoidable(INTENT, "the intent is succeeded"));

        fixture.givenAPublished(requested())
                .andThenAPublished(authorized())
                .whenPublishingA(cancelled(INTENT))
                .expectActiveSagas(0);
    }

    @Test
    void retryDeadlineOfAStepAlreadySettledDoesNothing() {
        when(stripe.authorize(any())).thenThrow(unreachable());

        fixture.givenAPublished(requested())
                .andThenAPublished(new PaymentActionRequiredEvent(PAYMENT, ORDER, PaymentProvider.STRIPE, INTENT,
                        REDIRECT))
                .whenTimeElapses(ALL_RETRIES)
                .expectNoDispatchedCommands()
                .expectTriggeredDeadlines();
        verify(stripe, times(1)).authorize(any());
    }

    private PaymentGateway wallet() {
        PaymentGateway wallet = mock(PaymentGateway.class);
        when(wallet.provider()).thenReturn(PaymentProvider.VODAFONE_CASH);
        when(wallet.answersStatusQueries()).thenReturn(true);
        fixture.registerResource(new PaymentGateways(List.of(stripe, wallet)));
        return wallet;
    }

    private static PaymentRequestedEvent walletRequested() {
        return new PaymentRequestedEvent(PAYMENT, ORDER, CUSTOMER, AMOUNT,
                new PaymentInstruction(PaymentProvider.VODAFONE_CASH, "01001234567"));
    }

    private static PaymentActionRequiredEvent walletPinAsked() {
        return new PaymentActionRequiredEvent(PAYMENT, ORDER, PaymentProvider.VODAFONE_CASH, "lp_1",
                "https://aggregator.test/approve/lp_1");
    }

    @Test
    void aProviderThatAnswersStatusQueriesIsAskedWhileTheShopperHasNotAnswered() {
        PaymentGateway wallet = wallet();
        when(wallet.authorize(any())).thenReturn(new AuthorizationOutcome.ActionRequired("lp_1",
                "https://aggregator.test/approve/lp_1"));

        fixture.givenAPublished(walletRequested())
                .whenPublishingA(walletPinAsked())
                .expectScheduledDeadlineWithName(PaymentProcess.POLL_INTERVAL, PaymentProcess.STATUS_POLL);
    }

    @Test
    void aLostCallbackIsMadeUpForByTheStatusQuery() throws Exception {
        PaymentGateway wallet = wallet();
        when(wallet.authorize(any())).thenReturn(new AuthorizationOutcome.ActionRequired("lp_1", null));
        when(wallet.status(new PaymentGateway.StatusQuery(PAYMENT, "lp_1")))
                .thenReturn(new AuthorizationOutcome.Authorized("lp_1", AMOUNT));

        fixture.givenAPublished(walletRequested())
                .andThenAPublished(walletPinAsked())
                .whenTimeElapses(PaymentProcess.POLL_INTERVAL)
                .expectDispatchedCommands(new RecordPaymentAuthorizationCommand(PAYMENT, "lp_1", AMOUNT));
    }

    @Test
    void aStillPendingPaymentIsAskedAgainAtMostFifteenTimes() throws Exception {
        PaymentGateway wallet = wallet();
        when(wallet.authorize(any())).thenReturn(new AuthorizationOutcome.ActionRequired("lp_1", null));
        when(wallet.status(any())).thenReturn(new AuthorizationOutcome.ActionRequired("lp_1", null));

        fixture.givenAPublished(walletRequested())
                .andThenAPublished(walletPinAsked())
                .whenTimeElapses(PaymentProcess.POLL_INTERVAL.multipliedBy(PaymentProcess.MAX_POLLS + 5))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
        verify(wallet, times(PaymentProcess.MAX_POLLS)).status(any());
    }

    @Test
    void theCallbackArrivingFirstStopsTheQueries() throws Exception {
        PaymentGateway wallet = wallet();
        when(wallet.authorize(any())).thenReturn(new AuthorizationOutcome.ActionRequired("lp_1", null));

        fixture.givenAPublished(walletRequested())
                .andThenAPublished(walletPinAsked())
                .andThenAPublished(new PaymentAuthorizedEvent(PAYMENT, ORDER, PaymentProvider.VODAFONE_CASH, "lp_1",
                        AMOUNT))
                .whenTimeElapses(PaymentProcess.POLL_INTERVAL.multipliedBy(3))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
        verify(wallet, never()).status(any());
    }

    @Test
    void aCardProviderIsNeverPolled() {
        providerAnswers(new AuthorizationOutcome.ActionRequired(INTENT, REDIRECT));

        fixture.givenAPublished(requested())
                .whenPublishingA(new PaymentActionRequiredEvent(PAYMENT, ORDER, PaymentProvider.STRIPE, INTENT,
                        REDIRECT))
                .expectNoScheduledDeadlines();
    }
}
