package com.souq.commerce.saga.payment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.payment.api.PaymentActionRequiredEvent;
import com.souq.commerce.payment.api.PaymentAuthorizedEvent;
import com.souq.commerce.payment.api.PaymentCancelledEvent;
import com.souq.commerce.payment.api.PaymentCaptureRequestedEvent;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentFailedEvent;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentRequestedEvent;
import com.souq.commerce.payment.api.PaymentStatus;
import com.souq.commerce.payment.api.RecordPaymentActionRequiredCommand;
import com.souq.commerce.payment.api.RecordPaymentAuthorizationCommand;
import com.souq.commerce.payment.api.RecordPaymentCaptureCommand;
import com.souq.commerce.payment.api.RecordPaymentFailureCommand;
import com.souq.commerce.saga.PendingDeadlines;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.wallet.api.CaptureWalletHoldCommand;
import com.souq.commerce.wallet.api.HoldWalletFundsCommand;
import com.souq.commerce.wallet.api.ReleaseWalletHoldCommand;
import com.souq.commerce.wallet.api.WalletId;
import com.souq.commerce.wallet.api.WalletMovementRefusedEvent;
import com.souq.commerce.wallet.api.WalletOwner;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One payment at its provider: the engine's decisions (request, capture, cancel) become provider calls, and the
 * provider's answers become commands on the Payment.
 *
 * <table>
 *   <caption>Steps and compensations</caption>
 *   <tr><th>when</th><th>it does</th><th>if the provider cannot be reached</th></tr>
 *   <tr><td>payment requested</td><td>authorize at the provider; record the authorization, the extra step the
 *       shopper must take, or the decline</td><td>try again after a backoff; after the last attempt record a
 *       failure</td></tr>
 *   <tr><td>extra step required</td><td>wait: the provider's webhook (or the sandbox action) records the
 *       outcome; a provider that answers status queries is also asked every minute, at most 15 times (the
 *       fallback when its callback is late or lost)</td><td>ask again at the next poll</td></tr>
 *   <tr><td>payment authorized</td><td>wait for checkout to capture or cancel</td><td>—</td></tr>
 *   <tr><td>capture requested</td><td>capture at the provider; record the capture, or a failure if the provider
 *       refuses</td><td>try again after a backoff; after the last attempt record a failure</td></tr>
 *   <tr><td>payment captured</td><td>the process ends</td><td>—</td></tr>
 *   <tr><td>payment failed or cancelled</td><td>void whatever the provider may hold, then end</td><td>try again
 *       after a backoff; after the last attempt log it and end (the provider releases an uncaptured
 *       authorization when it expires)</td></tr>
 * </table>
 *
 * <p>The customer's wallet: when it pays the whole order (WALLET) or a part of it, that part is held on the wallet
 * before the provider is asked for the rest (a wallet that no longer covers it fails the payment, and nothing is
 * held); the provider then authorizes and captures only its part; the hold is captured right after the provider's
 * capture, before the capture is recorded, and released when the payment fails or is cancelled. The wallet alone
 * involves no provider: the hold is the authorization. Each wallet movement carries the payment's transaction id, so
 * a repeat moves nothing.
 *
 * <p>Every provider call carries the idempotency key of its payment and step, so a call repeated by a retry or by a
 * redelivered event reaches the provider as the same request; every command sent is a no-op when repeated or
 * overtaken (a webhook recorded the answer first), so the process never fails on a race. The provider's reference is
 * kept from its first answer, even when the Payment no longer took it, so what the provider holds can be voided.
 */
@Saga
@ProcessingGroup(PaymentProcess.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PaymentProcess {

    private static final Logger log = LoggerFactory.getLogger(PaymentProcess.class);

    /** Ends in {@code SagaProcessor}: the platform then keeps Axon's saga error handling (no dead-letter queue). */
    static final String PROCESSING_GROUP = "PaymentProcessSagaProcessor";
    static final String PAYMENT = "paymentId";
    static final String AUTHORIZE_RETRY = "payment-authorize-retry";
    static final String CAPTURE_RETRY = "payment-capture-retry";
    static final String VOID_RETRY = "payment-void-retry";
    static final String STATUS_POLL = "payment-status-poll";
    static final Duration POLL_INTERVAL = Duration.ofMinutes(1);
    static final int MAX_POLLS = 15;
    /** Tries of one step, the first included; waits of 30 s, 1, 2, 4 and 8 min between them (about 15 min). */
    static final int MAX_ATTEMPTS = 6;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    static final String PROVIDER_UNAVAILABLE = "PROVIDER_UNAVAILABLE";
    static final String CAPTURE_REFUSED = "CAPTURE_REFUSED";

    private PaymentId paymentId;
    private OrderId orderId;
    private PaymentProvider provider;
    private String method;
    private Money amount;
    private String customerSubject;
    /** What the customer's wallet pays of {@link #amount} (zero: nothing), and whether the wallet holds it now. */
    private Money walletPart;
    private boolean walletHeld;
    private PaymentStatus status;
    private String providerReference;
    private int failedAttempts;
    private int polls;
    /** A saga stored before its deadlines' ids were kept reads without them: unknown. */
    private PendingDeadlines pendingDeadlines = PendingDeadlines.unknown();

    @StartSaga
    @SagaEventHandler(associationProperty = PAYMENT)
    void on(PaymentRequestedEvent event, PaymentGateways gateways, CommandGateway commands,
            DeadlineManager deadlines) {
        pendingDeadlines = PendingDeadlines.none();
        paymentId = event.paymentId();
        orderId = event.orderId();
        provider = event.instruction().provider();
        method = event.instruction().method();
        amount = event.amount();
        customerSubject = event.customerSubject();
        walletPart = event.instruction().walletPart(event.amount());
        status = PaymentStatus.INITIATED;
        authorize(gateways, commands, deadlines);
    }

    @DeadlineHandler(deadlineName = AUTHORIZE_RETRY)
    void retryAuthorization(Retry retry, PaymentGateways gateways, CommandGateway commands,
                            DeadlineManager deadlines) {
        if (status == PaymentStatus.INITIATED) {
            authorize(gateways, commands, deadlines);
        }
    }

    @SagaEventHandler(associationProperty = PAYMENT)
    void on(PaymentActionRequiredEvent event, PaymentGateways gateways, DeadlineManager deadlines) {
        status = PaymentStatus.REQUIRES_ACTION;
        keepReference(event.providerReference());
        settled(AUTHORIZE_RETRY, deadlines);
        if (providerReference != null && gateways.find(provider).map(PaymentGateway::answersStatusQueries)
                .orElse(false)) {
            polls = 0;
            pendingDeadlines.schedule(deadlines, POLL_INTERVAL, STATUS_POLL, new Retry(paymentId, 1));
        }
    }

    /** The shopper's step is still open: ask the provider where the payment stands, in case its callback is lost. */
    @DeadlineHandler(deadlineName = STATUS_POLL)
    void poll(Retry poll, PaymentGateways gateways, CommandGateway commands, DeadlineManager deadlines) {
        if (status != PaymentStatus.REQUIRES_ACTION) {
            return;
        }
        polls++;
        AuthorizationOutcome outcome;
        try {
            outcome = gateways.of(provider).status(new PaymentGateway.StatusQuery(paymentId, providerReference));
        } catch (ProviderUnavailableException unavailable) {
            log.info("Payment {}: {} did not say where it stands ({})", paymentId, provider, unavailable.getMessage());
            outcome = null;
        }
        switch (outcome) {
            case AuthorizationOutcome.Authorized authorized -> commands.sendAndWait(
                    new RecordPaymentAuthorizationCommand(paymentId, authorized.reference(), authorized.amount()));
            case AuthorizationOutcome.Declined declined -> commands.sendAndWait(
                    new RecordPaymentFailureCommand(paymentId, declined.reference(), declined.reason()));
            case null, default -> {
                if (polls < MAX_POLLS) {
                    pendingDeadlines.schedule(deadlines, POLL_INTERVAL, STATUS_POLL,
                            new Retry(paymentId, polls + 1));
                }
            }
        }
    }

    @SagaEventHandler(associationProperty = PAYMENT)
    void on(PaymentAuthorizedEvent event, DeadlineManager deadlines) {
        status = PaymentStatus.AUTHORIZED;
        keepReference(event.providerReference());
        settled(AUTHORIZE_RETRY, deadlines);
        pendingDeadlines.cancel(deadlines, STATUS_POLL);
    }

    @SagaEventHandler(associationProperty = PAYMENT)
    void on(PaymentCaptureRequestedEvent event, PaymentGateways gateways, CommandGateway commands,
            DeadlineManager deadlines) {
        status = PaymentStatus.CAPTURING;
        keepReference(event.providerReference());
        amount = event.amount();
        capture(gateways, commands, deadlines);
    }

    @DeadlineHandler(deadlineName = CAPTURE_RETRY)
    void retryCapture(Retry retry, PaymentGateways gateways, CommandGateway commands, DeadlineManager deadlines) {
        if (status == PaymentStatus.CAPTURING) {
            capture(gateways, commands, deadlines);
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = PAYMENT)
    void on(PaymentCapturedEvent event, DeadlineManager deadlines) {
        status = PaymentStatus.CAPTURED;
        settled(CAPTURE_RETRY, deadlines);
    }

    @SagaEventHandler(associationProperty = PAYMENT)
    void on(PaymentFailedEvent event, PaymentGateways gateways, CommandGateway commands,
            DeadlineManager deadlines) {
        status = PaymentStatus.FAILED;
        keepReference(event.providerReference());
        release(gateways, commands, deadlines);
    }

    @SagaEventHandler(associationProperty = PAYMENT)
    void on(PaymentCancelledEvent event, PaymentGateways gateways, CommandGateway commands,
            DeadlineManager deadlines) {
        status = PaymentStatus.CANCELLED;
        keepReference(event.providerReference());
        release(gateways, commands, deadlines);
    }

    @DeadlineHandler(deadlineName = VOID_RETRY)
    void retryVoid(Retry retry, PaymentGateways gateways, DeadlineManager deadlines) {
        voidAuthorization(gateways, deadlines);
    }

    /** The payload of every retry deadline: which payment and which attempt, readable in the scheduler's table. */
    record Retry(PaymentId paymentId, int attempt) {
    }

    private void authorize(PaymentGateways gateways, CommandGateway commands, DeadlineManager deadlines) {
        if (paysFromWallet() && !walletHeld) {
            Boolean held = commands.sendAndWait(HoldWalletFundsCommand.of(WalletOwner.customer(customerSubject),
                    paymentId.walletHoldTransactionId(), walletPart, "payment:" + paymentId));
            if (!Boolean.TRUE.equals(held)) {
                commands.sendAndWait(new RecordPaymentFailureCommand(paymentId, null, WalletMovementRefusedEvent
                        .INSUFFICIENT_FUNDS + ": the customer's wallet does not cover " + walletPart));
                return;
            }
            walletHeld = true;
        }
        if (provider == PaymentProvider.WALLET) {
            commands.sendAndWait(new RecordPaymentAuthorizationCommand(paymentId, walletReference(),
                    providerPart()));
            return;
        }
        Optional<PaymentGateway> gateway = gateways.find(provider);
        if (gateway.isEmpty()) {
            commands.sendAndWait(new RecordPaymentFailureCommand(paymentId, null,
                    "PROVIDER_NOT_CONFIGURED: this engine does not pay with " + provider));
            return;
        }
        AuthorizationOutcome outcome;
        try {
            outcome = gateway.get().authorize(new PaymentGateway.Authorization(paymentId, orderId, providerPart(),
                    method));
        } catch (ProviderUnavailableException unavailable) {
            retryLater(AUTHORIZE_RETRY, unavailable, deadlines, () -> commands.sendAndWait(
                    new RecordPaymentFailureCommand(paymentId, providerReference, PROVIDER_UNAVAILABLE
                            + ": no authorization after " + MAX_ATTEMPTS + " attempts")));
            return;
        }
        failedAttempts = 0;
        keepReference(outcome.reference());
        switch (outcome) {
            case AuthorizationOutcome.Authorized authorized -> commands.sendAndWait(
                    new RecordPaymentAuthorizationCommand(paymentId, authorized.reference(), authorized.amount()));
            case AuthorizationOutcome.ActionRequired action -> commands.sendAndWait(
                    new RecordPaymentActionRequiredCommand(paymentId, action.reference(), action.nextActionUrl()));
            case AuthorizationOutcome.Declined declined -> commands.sendAndWait(
                    new RecordPaymentFailureCommand(paymentId, declined.reference(), declined.reason()));
        }
    }

    private void capture(PaymentGateways gateways, CommandGateway commands, DeadlineManager deadlines) {
        if (provider == PaymentProvider.WALLET) {
            captureWallet(commands);
            commands.sendAndWait(new RecordPaymentCaptureCommand(paymentId, walletReference(), providerPart()));
            return;
        }
        CaptureOutcome outcome;
        try {
            outcome = gateways.of(provider).capture(new PaymentGateway.Capture(paymentId, providerReference,
                    providerPart()));
        } catch (ProviderUnavailableException unavailable) {
            retryLater(CAPTURE_RETRY, unavailable, deadlines, () -> commands.sendAndWait(
                    new RecordPaymentFailureCommand(paymentId, providerReference, PROVIDER_UNAVAILABLE
                            + ": capture not confirmed after " + MAX_ATTEMPTS + " attempts")));
            return;
        }
        failedAttempts = 0;
        switch (outcome) {
            case CaptureOutcome.Captured captured -> {
                captureWallet(commands);
                commands.sendAndWait(new RecordPaymentCaptureCommand(paymentId, captured.reference(),
                        captured.amount()));
            }
            case CaptureOutcome.Refused refused -> commands.sendAndWait(
                    new RecordPaymentFailureCommand(paymentId, refused.reference(),
                            CAPTURE_REFUSED + ": " + refused.reason()));
        }
    }

    /**
     * The payment ended without capture: the wallet's hold is given back and whatever the provider holds under our
     * reference is voided.
     */
    private void release(PaymentGateways gateways, CommandGateway commands, DeadlineManager deadlines) {
        settled(AUTHORIZE_RETRY, deadlines);
        settled(CAPTURE_RETRY, deadlines);
        pendingDeadlines.cancel(deadlines, STATUS_POLL);
        if (walletHeld) {
            commands.sendAndWait(new ReleaseWalletHoldCommand(walletId(), paymentId.walletReleaseTransactionId(),
                    paymentId.walletHoldTransactionId()));
            walletHeld = false;
        }
        if (providerReference == null || provider == PaymentProvider.WALLET) {
            SagaLifecycle.end();
            return;
        }
        voidAuthorization(gateways, deadlines);
    }

    private void voidAuthorization(PaymentGateways gateways, DeadlineManager deadlines) {
        CancellationOutcome outcome;
        try {
            outcome = gateways.of(provider).cancel(new PaymentGateway.Cancellation(paymentId, providerReference));
        } catch (ProviderUnavailableException unavailable) {
            retryLater(VOID_RETRY, unavailable, deadlines, () -> {
                log.error("Payment {} of order {}: {} could not be voided at {} after {} attempts; the provider "
                        + "releases it when the authorization expires", paymentId, orderId, providerReference,
                        provider, MAX_ATTEMPTS);
                SagaLifecycle.end();
            });
            return;
        }
        if (outcome instanceof CancellationOutcome.NotVoidable notVoidable) {
            log.error("Payment {} of order {} is {} in the engine but {} will not void {}: {}", paymentId, orderId,
                    status, provider, providerReference, notVoidable.reason());
        }
        SagaLifecycle.end();
    }

    private void retryLater(String step, ProviderUnavailableException unavailable, DeadlineManager deadlines,
                            Runnable giveUp) {
        failedAttempts++;
        if (failedAttempts >= MAX_ATTEMPTS) {
            log.warn("Payment {}: {} gave up after {} attempts at {}", paymentId, step, failedAttempts, provider,
                    unavailable);
            failedAttempts = 0;
            giveUp.run();
            return;
        }
        Duration backoff = backoff(failedAttempts);
        log.info("Payment {}: {} unreachable ({}), attempt {} of {} in {}", paymentId, provider,
                unavailable.getMessage(), failedAttempts + 1, MAX_ATTEMPTS, backoff);
        pendingDeadlines.schedule(deadlines, backoff, step, new Retry(paymentId, failedAttempts + 1));
    }

    /** The wallet's part leaves the wallet: its hold is captured, once (the capture's transaction id says so). */
    private void captureWallet(CommandGateway commands) {
        if (!paysFromWallet()) {
            return;
        }
        commands.sendAndWait(new CaptureWalletHoldCommand(walletId(), paymentId.walletCaptureTransactionId(),
                paymentId.walletHoldTransactionId(), walletPart, "payment:" + paymentId));
    }

    private boolean paysFromWallet() {
        return walletPart != null && !walletPart.isZero();
    }

    /** What the provider authorizes and captures: the amount less the wallet's part. */
    private Money providerPart() {
        return walletPart == null ? amount : amount.minus(walletPart);
    }

    private WalletId walletId() {
        return WalletId.of(WalletOwner.customer(customerSubject), amount.currency());
    }

    private String walletReference() {
        return "wallet:" + paymentId.walletHoldTransactionId();
    }

    static Duration backoff(int failedAttempts) {
        return FIRST_BACKOFF.multipliedBy(1L << (failedAttempts - 1));
    }

    private void settled(String retry, DeadlineManager deadlines) {
        pendingDeadlines.cancel(deadlines, retry);
        failedAttempts = 0;
    }

    private void keepReference(String reference) {
        if (reference != null) {
            providerReference = reference;
        }
    }
}
