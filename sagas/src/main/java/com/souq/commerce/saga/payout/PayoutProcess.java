package com.souq.commerce.saga.payout;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.souq.commerce.ledger.api.JournalReferences;
import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.ledger.api.PostJournalEntryCommand;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.saga.payment.ProviderUnavailableException;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.wallet.api.PayoutFailedEvent;
import com.souq.commerce.wallet.api.PayoutId;
import com.souq.commerce.wallet.api.PayoutPaidEvent;
import com.souq.commerce.wallet.api.PayoutRequestedEvent;
import com.souq.commerce.wallet.api.RecordPayoutOutcomeCommand;
import com.souq.commerce.wallet.api.RecordPayoutSubmittedCommand;
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
 * One payout, from the owner's request to the money at their bank or back in their wallet.
 *
 * <table>
 *   <caption>Steps and compensations</caption>
 *   <tr><th>when</th><th>it does</th><th>if that cannot be done</th></tr>
 *   <tr><td>payout requested (the wallet holds the amount)</td><td>submit it to the payout provider with its
 *       idempotency key; record the provider's reference, then ask for its status after
 *       {@code souq.payouts.first-status-check}</td><td>unreachable: submit again after a backoff, six times, then
 *       record it failed (the hold is released); refused: record it failed</td></tr>
 *   <tr><td>status check</td><td>paid: record it paid (the wallet captures the hold); failed: record it failed (the
 *       wallet releases the hold); pending or unreachable: ask again later, waiting twice as long each time, at most
 *       ten minutes</td><td>—</td></tr>
 *   <tr><td>payout paid</td><td>post {@code payout:<payoutId>}: the owner's wallet account → payouts clearing, under
 *       the id the wallet's capture carries; the process ends</td><td>—</td></tr>
 *   <tr><td>payout failed</td><td>the process ends (the money is available in the wallet again)</td><td>—</td></tr>
 * </table>
 *
 * <p>Every command is total and the entry is named by the payout, so a redelivered event or a repeated status check
 * moves nothing twice.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PayoutProcess {

    private static final Logger log = LoggerFactory.getLogger(PayoutProcess.class);

    static final String PAYOUT = "payoutId";
    static final String SUBMIT_RETRY = "payout-submit-retry";
    static final String STATUS_CHECK = "payout-status-check";
    static final int MAX_SUBMISSIONS = 6;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    static final String PROVIDER_UNAVAILABLE = "PROVIDER_UNAVAILABLE";

    private PayoutId payoutId;
    private WalletId walletId;
    private WalletOwner owner;
    private Money amount;
    private String method;
    private String reference;
    private int failedSubmissions;
    private int statusChecks;

    @StartSaga
    @SagaEventHandler(associationProperty = PAYOUT)
    void on(PayoutRequestedEvent event, PayoutPort provider, CommandGateway commands, DeadlineManager deadlines,
            PayoutSettings settings) {
        payoutId = event.payoutId();
        walletId = event.walletId();
        owner = event.owner();
        amount = event.amount();
        method = event.method();
        submit(provider, commands, deadlines, settings);
    }

    @DeadlineHandler(deadlineName = SUBMIT_RETRY)
    void retrySubmission(Check check, PayoutPort provider, CommandGateway commands, DeadlineManager deadlines,
                         PayoutSettings settings) {
        submit(provider, commands, deadlines, settings);
    }

    @DeadlineHandler(deadlineName = STATUS_CHECK)
    void checkStatus(Check check, PayoutPort provider, CommandGateway commands, DeadlineManager deadlines,
                     PayoutSettings settings) {
        PayoutPort.Status status;
        try {
            status = provider.status(reference);
        } catch (ProviderUnavailableException unavailable) {
            log.info("Payout {}: the provider is unreachable ({}); asking again later", payoutId,
                    unavailable.getMessage());
            status = new PayoutPort.Status.Pending();
        }
        switch (status) {
            case PayoutPort.Status.Paid paid -> commands.sendAndWait(
                    new RecordPayoutOutcomeCommand(walletId, payoutId, true, null));
            case PayoutPort.Status.Failed failed -> commands.sendAndWait(
                    new RecordPayoutOutcomeCommand(walletId, payoutId, false, failed.reason()));
            case PayoutPort.Status.Pending pending -> askAgainLater(deadlines, settings);
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = PAYOUT)
    void on(PayoutPaidEvent event, @Timestamp Instant at, CommandGateway commands) {
        String operation = Operations.payout(payoutId);
        commands.sendAndWait(PostJournalEntryCommand.of(operation, at,
                List.of(Posting.debit(owner.ledgerAccount(), event.amount()),
                        Posting.credit(LedgerAccount.payoutsClearing(), event.amount())),
                "Payout " + payoutId + " of " + event.amount() + " to " + owner + " paid by the provider ("
                        + event.providerReference() + ")",
                new JournalReferences(null, null, owner.type() == WalletOwner.Type.VENDOR ? VendorId.of(owner.id())
                        : null, null, owner.type() == WalletOwner.Type.CUSTOMER ? owner.id() : null),
                Map.of("payout.id", payoutId.value(), "payout.method", method,
                        "payout.providerReference", String.valueOf(event.providerReference()))));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = PAYOUT)
    void on(PayoutFailedEvent event) {
        log.info("Payout {} of {} to {} failed ({}); the money is available again", payoutId, amount, owner,
                event.reason());
    }

    /** The payload of a payout's deadlines: which payout and which attempt, readable in the scheduler's table. */
    record Check(PayoutId payoutId, int attempt) {
    }

    private void submit(PayoutPort provider, CommandGateway commands, DeadlineManager deadlines,
                        PayoutSettings settings) {
        PayoutPort.Submission submission;
        try {
            submission = provider.submit(new PayoutPort.Payout(payoutId, owner, amount, method));
        } catch (ProviderUnavailableException unavailable) {
            failedSubmissions++;
            if (failedSubmissions >= MAX_SUBMISSIONS) {
                commands.sendAndWait(new RecordPayoutOutcomeCommand(walletId, payoutId, false,
                        PROVIDER_UNAVAILABLE + ": not submitted after " + MAX_SUBMISSIONS + " attempts"));
                return;
            }
            deadlines.schedule(FIRST_BACKOFF.multipliedBy(1L << (failedSubmissions - 1)), SUBMIT_RETRY,
                    new Check(payoutId, failedSubmissions + 1));
            return;
        }
        switch (submission) {
            case PayoutPort.Submission.Accepted accepted -> {
                reference = accepted.reference();
                commands.sendAndWait(new RecordPayoutSubmittedCommand(walletId, payoutId, reference));
                askAgainLater(deadlines, settings);
            }
            case PayoutPort.Submission.Refused refused -> commands.sendAndWait(
                    new RecordPayoutOutcomeCommand(walletId, payoutId, false, refused.reason()));
        }
    }

    private void askAgainLater(DeadlineManager deadlines, PayoutSettings settings) {
        Duration wait = settings.firstStatusCheck().multipliedBy(1L << Math.min(statusChecks, 20));
        if (wait.compareTo(PayoutSettings.LONGEST_WAIT) > 0) {
            wait = PayoutSettings.LONGEST_WAIT;
        }
        statusChecks++;
        deadlines.schedule(wait, STATUS_CHECK, new Check(payoutId, statusChecks));
    }
}
