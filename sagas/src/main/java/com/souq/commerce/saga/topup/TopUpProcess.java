package com.souq.commerce.saga.topup;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.souq.commerce.ledger.api.JournalReferences;
import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.ledger.api.PostJournalEntryCommand;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.saga.PendingDeadlines;
import com.souq.commerce.saga.payment.AuthorizationOutcome;
import com.souq.commerce.saga.payment.CancellationOutcome;
import com.souq.commerce.saga.payment.CaptureOutcome;
import com.souq.commerce.saga.payment.PaymentGateway;
import com.souq.commerce.saga.payment.PaymentGateways;
import com.souq.commerce.saga.payment.ProviderUnavailableException;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.wallet.api.RecordTopUpOutcomeCommand;
import com.souq.commerce.wallet.api.TopUpCapturedEvent;
import com.souq.commerce.wallet.api.TopUpFailedEvent;
import com.souq.commerce.wallet.api.TopUpId;
import com.souq.commerce.wallet.api.TopUpRequestedEvent;
import com.souq.commerce.wallet.api.WalletId;
import com.souq.commerce.wallet.api.WalletOwner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One top-up, from the customer's request to the money in their wallet and on the books.
 *
 * <table>
 *   <caption>Steps and compensations</caption>
 *   <tr><th>when</th><th>it does</th><th>if that cannot be done</th></tr>
 *   <tr><td>top-up requested</td><td>authorize the amount at the provider, then capture it at once (both with the
 *       top-up's idempotency keys); record the capture on the wallet</td><td>declined, an authorization of another
 *       amount, an extra step the shopper would have to take, or a refused capture: void what the provider holds
 *       and record the top-up failed. Unreachable: try the step again after 30 s, 1, 2, 4, 8 min, then void and
 *       record it failed</td></tr>
 *   <tr><td>top-up captured (the wallet deposited it)</td><td>post {@code top-up:<topUpId>}: the provider's
 *       clearing account → the customer's wallet account, under the id the wallet's deposit carries; the process
 *       ends</td><td>—</td></tr>
 *   <tr><td>top-up failed</td><td>the process ends; nothing was deposited</td><td>—</td></tr>
 * </table>
 *
 * <p>Provider calls carry the keys of {@link TopUpId#providerPaymentId()}, the wallet records an outcome once and the
 * entry is named by the top-up, so a redelivered event or a retry moves no money twice.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class TopUpProcess {

    private static final Logger log = LoggerFactory.getLogger(TopUpProcess.class);

    static final String TOP_UP = "topUpId";
    static final String RETRY = "top-up-retry";
    /** Tries of one step, the first included; waits of 30 s, 1, 2, 4 and 8 min between them. */
    static final int MAX_ATTEMPTS = 6;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    static final String PROVIDER_UNAVAILABLE = "PROVIDER_UNAVAILABLE";
    static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";
    static final String ACTION_NOT_SUPPORTED = "ACTION_NOT_SUPPORTED";
    static final String CAPTURE_REFUSED = "CAPTURE_REFUSED";

    private TopUpId topUpId;
    private WalletId walletId;
    private WalletOwner owner;
    private Money amount;
    private PaymentProvider provider;
    private String method;
    private String providerReference;
    /** The step in progress: authorizing until the provider authorized, then capturing. */
    private boolean capturing;
    private int failedAttempts;
    /** A saga stored before its deadlines' ids were kept reads without them: unknown. */
    private PendingDeadlines pendingDeadlines = PendingDeadlines.unknown();

    @StartSaga
    @SagaEventHandler(associationProperty = TOP_UP)
    void on(TopUpRequestedEvent event, PaymentGateways gateways, CommandGateway commands,
            DeadlineManager deadlines) {
        pendingDeadlines = PendingDeadlines.none();
        topUpId = event.topUpId();
        walletId = event.walletId();
        owner = event.owner();
        amount = event.amount();
        provider = event.instruction().provider();
        method = event.instruction().method();
        proceed(gateways, commands, deadlines);
    }

    @DeadlineHandler(deadlineName = RETRY)
    void retry(Retry retry, PaymentGateways gateways, CommandGateway commands, DeadlineManager deadlines) {
        proceed(gateways, commands, deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = TOP_UP)
    void on(TopUpCapturedEvent event, @Timestamp Instant at, CommandGateway commands, DeadlineManager deadlines) {
        pendingDeadlines.cancel(deadlines, RETRY);
        String operation = Operations.topUp(topUpId);
        commands.sendAndWait(PostJournalEntryCommand.of(operation, at,
                List.of(Posting.debit(LedgerAccount.gatewayClearing(event.provider()), event.amount()),
                        Posting.credit(owner.ledgerAccount(), event.amount())),
                "Top-up " + topUpId + " of " + event.amount() + " into the wallet of " + owner + ", captured by "
                        + event.provider() + " (" + event.providerReference() + ")",
                new JournalReferences(null, null, null, null, owner.id()),
                Map.of("topUp.id", topUpId.value(), "topUp.provider", event.provider().name(),
                        "topUp.providerReference", String.valueOf(event.providerReference()))));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = TOP_UP)
    void on(TopUpFailedEvent event, DeadlineManager deadlines) {
        pendingDeadlines.cancel(deadlines, RETRY);
        log.info("Top-up {} of {} into {} failed ({}); nothing was deposited", topUpId, amount, walletId,
                event.reason());
    }

    /** The payload of a retry deadline: which top-up and which attempt, readable in the scheduler's table. */
    record Retry(TopUpId topUpId, int attempt) {
    }

    private void proceed(PaymentGateways gateways, CommandGateway commands, DeadlineManager deadlines) {
        PaymentId paymentId = topUpId.providerPaymentId();
        try {
            PaymentGateway gateway = gateways.of(provider);
            if (!capturing) {
                AuthorizationOutcome authorization = gateway.authorize(
                        new PaymentGateway.Authorization(paymentId, null, amount, method));
                keepReference(authorization.reference());
                switch (authorization) {
                    case AuthorizationOutcome.Authorized authorized when !authorized.amount().equals(amount) -> {
                        fail(gateway, commands, AMOUNT_MISMATCH + ": the provider holds " + authorized.amount()
                                + " of " + amount);
                        return;
                    }
                    case AuthorizationOutcome.Authorized authorized -> capturing = true;
                    case AuthorizationOutcome.ActionRequired action -> {
                        fail(gateway, commands, ACTION_NOT_SUPPORTED
                                + ": a top-up cannot wait for the shopper's extra step");
                        return;
                    }
                    case AuthorizationOutcome.Declined declined -> {
                        failed(commands, declined.reason());
                        return;
                    }
                }
                failedAttempts = 0;
            }
            CaptureOutcome capture = gateway.capture(new PaymentGateway.Capture(paymentId, providerReference,
                    amount));
            switch (capture) {
                case CaptureOutcome.Captured captured -> commands.sendAndWait(new RecordTopUpOutcomeCommand(walletId,
                        topUpId, true, referenceOr(captured.reference()), null));
                case CaptureOutcome.Refused refused -> fail(gateway, commands,
                        CAPTURE_REFUSED + ": " + refused.reason());
            }
        } catch (ProviderUnavailableException unavailable) {
            failedAttempts++;
            if (failedAttempts >= MAX_ATTEMPTS) {
                log.warn("Top-up {}: {} gave up after {} attempts", topUpId, provider, failedAttempts, unavailable);
                voidQuietly(gateways, paymentId);
                failed(commands, PROVIDER_UNAVAILABLE + ": not captured after " + MAX_ATTEMPTS + " attempts");
                return;
            }
            Duration backoff = FIRST_BACKOFF.multipliedBy(1L << (failedAttempts - 1));
            log.info("Top-up {}: {} unreachable ({}), attempt {} of {} in {}", topUpId, provider,
                    unavailable.getMessage(), failedAttempts + 1, MAX_ATTEMPTS, backoff);
            pendingDeadlines.schedule(deadlines, backoff, RETRY, new Retry(topUpId, failedAttempts + 1));
        }
    }

    /** Voids what the provider may hold, then records the failure. */
    private void fail(PaymentGateway gateway, CommandGateway commands, String reason) {
        voidAt(gateway, topUpId.providerPaymentId());
        failed(commands, reason);
    }

    private void failed(CommandGateway commands, String reason) {
        commands.sendAndWait(new RecordTopUpOutcomeCommand(walletId, topUpId, false, providerReference, reason));
    }

    private void voidQuietly(PaymentGateways gateways, PaymentId paymentId) {
        try {
            voidAt(gateways.of(provider), paymentId);
        } catch (ProviderUnavailableException unavailable) {
            log.error("Top-up {}: {} could not be voided at {}; the provider releases it when the authorization "
                    + "expires", topUpId, providerReference, provider, unavailable);
        }
    }

    private void voidAt(PaymentGateway gateway, PaymentId paymentId) {
        if (providerReference == null) {
            return;
        }
        CancellationOutcome outcome = gateway.cancel(new PaymentGateway.Cancellation(paymentId, providerReference));
        if (outcome instanceof CancellationOutcome.NotVoidable notVoidable) {
            log.error("Top-up {} failed but {} will not void {}: {}", topUpId, provider, providerReference,
                    notVoidable.reason());
        }
    }

    private void keepReference(String reference) {
        if (reference != null) {
            providerReference = reference;
        }
    }

    private String referenceOr(String reported) {
        return providerReference != null ? providerReference : reported;
    }
}
