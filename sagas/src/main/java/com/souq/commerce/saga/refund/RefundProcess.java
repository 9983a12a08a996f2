package com.souq.commerce.saga.refund;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.JournalReferences;
import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.ledger.api.PostJournalEntryCommand;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.api.RestockListingForRefundCommand;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.RefundApprovedEvent;
import com.souq.commerce.order.api.RefundDestination;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.RefundLine;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentRefundFailedEvent;
import com.souq.commerce.payment.api.PaymentRefundRequestedEvent;
import com.souq.commerce.payment.api.PaymentRefundedEvent;
import com.souq.commerce.payment.api.RecordPaymentRefundCommand;
import com.souq.commerce.payment.api.RecordPaymentRefundFailureCommand;
import com.souq.commerce.payment.api.RefundPaymentCommand;
import com.souq.commerce.saga.PendingDeadlines;
import com.souq.commerce.saga.payment.PaymentGateway;
import com.souq.commerce.saga.payment.PaymentGateways;
import com.souq.commerce.saga.payment.ProviderUnavailableException;
import com.souq.commerce.saga.payment.RefundOutcome;
import com.souq.commerce.shared.error.DomainError;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.wallet.api.DepositToWalletCommand;
import com.souq.commerce.wallet.api.WalletOwner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One approved refund, from the decision to the money back with the customer.
 *
 * <table>
 *   <caption>Steps and compensations</caption>
 *   <tr><th>when</th><th>it does</th><th>if that cannot be done</th></tr>
 *   <tr><td>refund approved with {@code restock}</td><td>put each refunded line's quantity back in its listing's stock,
 *       keyed by the refund</td><td>listing sold or deleted, or the items never shipped (their reservation is
 *       released, not restocked): logged and skipped, the refund goes on</td></tr>
 *   <tr><td>refund approved (requested and approved, or automatic on a rejected or cancelled share)</td><td>ask the
 *       Payment to refund it: it checks the refunds stay within what was captured for the vendor order and the
 *       payment</td><td>refused (nothing captured, above the remainder): logged, the process ends and nothing
 *       moves</td></tr>
 *   <tr><td>payment refund requested, to the original payment</td><td>refund at the provider of the payment with the
 *       refund's idempotency key; record its refund</td><td>unreachable: try again after 30 s, 1, 2, 4, 8 min, then
 *       record a failure; refused: record the failure</td></tr>
 *   <tr><td>payment refund requested, to the customer's wallet</td><td>record it refunded</td><td>—</td></tr>
 *   <tr><td>provider refund failed</td><td>record it refunded to the customer's wallet instead</td><td>—</td></tr>
 *   <tr><td>payment refunded</td><td>post {@code refund:<refundId>}: refunds clearing → the provider's clearing account,
 *       or → the customer's wallet account together with a deposit in the customer's wallet under the entry's id;
 *       the process ends</td><td>—</td></tr>
 * </table>
 *
 * <p>The commission, its VAT and the vendor's payable are given back by the commission process when it sees the
 * approval; this process moves the money out of refunds clearing. Every command is total and every entry and deposit
 * is named by the refund, so a redelivered event or a retried step moves nothing twice. An amount-only refund has no
 * lines and restocks nothing; the automatic refund of a rejected or cancelled share has none either: its items never
 * left the stock, the splitting process releases their reservations.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class RefundProcess {

    private static final Logger log = LoggerFactory.getLogger(RefundProcess.class);

    static final String REFUND = "refundId";
    static final String PROVIDER_RETRY = "refund-provider-retry";
    static final int MAX_ATTEMPTS = 6;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    static final String PROVIDER_UNAVAILABLE = "PROVIDER_UNAVAILABLE";
    static final String WALLET_REFERENCE = "customer-wallet";

    private RefundId refundId;
    private PaymentId paymentId;
    private OrderId orderId;
    private VendorOrderId vendorOrderId;
    private String customerSubject;
    private Money amount;
    private PaymentProvider provider;
    private String providerReference;
    private boolean requested;
    private int failedAttempts;
    /** A saga stored before its deadlines' ids were kept reads without them: unknown. */
    private PendingDeadlines pendingDeadlines = PendingDeadlines.unknown();

    @StartSaga
    @SagaEventHandler(associationProperty = REFUND)
    void on(RefundApprovedEvent event, CommandGateway commands) {
        pendingDeadlines = PendingDeadlines.none();
        refundId = event.refundId();
        paymentId = event.paymentId();
        orderId = event.orderId();
        vendorOrderId = event.vendorOrderId();
        customerSubject = event.customerSubject();
        amount = event.amount();
        if (event.restock()) {
            restock(event.lines(), commands);
        }
        try {
            commands.sendAndWait(new RefundPaymentCommand(paymentId, refundId, vendorOrderId, amount,
                    event.shareTotal(), event.destination()));
        } catch (CommandExecutionException refused) {
            if (refused.getDetails().filter(DomainError.class::isInstance).isEmpty()) {
                throw refused;
            }
            log.error("Refund {} of {} on vendor order {} refused by payment {}: {}", refundId, amount,
                    vendorOrderId, paymentId, refused.getMessage());
            SagaLifecycle.end();
        }
    }

    @SagaEventHandler(associationProperty = REFUND)
    void on(PaymentRefundRequestedEvent event, PaymentGateways gateways, CommandGateway commands,
            DeadlineManager deadlines) {
        if (requested) {
            return;
        }
        requested = true;
        provider = event.provider();
        providerReference = event.providerReference();
        if (event.destination() == RefundDestination.CUSTOMER_WALLET) {
            commands.sendAndWait(new RecordPaymentRefundCommand(paymentId, refundId, WALLET_REFERENCE));
            return;
        }
        refundAtProvider(gateways, commands, deadlines);
    }

    @DeadlineHandler(deadlineName = PROVIDER_RETRY)
    void retry(Retry retry, PaymentGateways gateways, CommandGateway commands, DeadlineManager deadlines) {
        refundAtProvider(gateways, commands, deadlines);
    }

    @SagaEventHandler(associationProperty = REFUND)
    void on(PaymentRefundFailedEvent event, CommandGateway commands, DeadlineManager deadlines) {
        pendingDeadlines.cancel(deadlines, PROVIDER_RETRY);
        log.warn("Refund {} of {}: {} did not refund it ({}); it goes to the customer's wallet", refundId, amount,
                provider, event.reason());
        commands.sendAndWait(new RecordPaymentRefundCommand(paymentId, refundId, WALLET_REFERENCE));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = REFUND)
    void on(PaymentRefundedEvent event, @Timestamp Instant at, CommandGateway commands, DeadlineManager deadlines) {
        pendingDeadlines.cancel(deadlines, PROVIDER_RETRY);
        String operation = Operations.refund(refundId);
        boolean toWallet = event.destination() == RefundDestination.CUSTOMER_WALLET;
        LedgerAccount destination = toWallet ? LedgerAccount.customerWallet(customerSubject)
                : LedgerAccount.gatewayClearing(event.provider());
        commands.sendAndWait(PostJournalEntryCommand.of(operation, at,
                List.of(Posting.debit(LedgerAccount.refundsClearing(), event.amount()),
                        Posting.credit(destination, event.amount())),
                "Refund " + refundId + " of " + event.amount() + " on vendor order " + vendorOrderId + " paid back "
                        + (toWallet ? "to the customer's wallet" : "through " + event.provider()),
                new JournalReferences(orderId, vendorOrderId, null, paymentId, customerSubject),
                Map.of("refund.id", refundId.value(), "refund.destination", event.destination().name(),
                        "refund.providerReference", String.valueOf(event.providerReference()))));
        if (toWallet) {
            commands.sendAndWait(DepositToWalletCommand.of(WalletOwner.customer(customerSubject),
                    JournalEntryId.forOperation(operation).value(), event.amount(), operation));
        }
    }

    /** The payload of a retry deadline: which refund and which attempt, readable in the scheduler's table. */
    record Retry(RefundId refundId, int attempt) {
    }

    /** One command per listing, in listing order like every other stock step, so no two handlers wait on each other. */
    private void restock(List<RefundLine> lines, CommandGateway commands) {
        Map<String, Integer> quantities = new TreeMap<>();
        lines.forEach(line -> quantities.merge(line.listingId().value(), line.quantity(), Integer::sum));
        quantities.forEach((listing, quantity) -> {
            try {
                commands.sendAndWait(new RestockListingForRefundCommand(ListingId.of(listing), refundId, orderId,
                        quantity));
            } catch (CommandExecutionException refused) {
                if (refused.getDetails().filter(DomainError.class::isInstance).isEmpty()) {
                    throw refused;
                }
                log.warn("Refund {} on vendor order {}: {} × listing {} not restocked: {}", refundId, vendorOrderId,
                        quantity, listing, refused.getMessage());
            }
        });
    }

    private void refundAtProvider(PaymentGateways gateways, CommandGateway commands, DeadlineManager deadlines) {
        RefundOutcome outcome;
        try {
            outcome = gateways.of(provider).refund(new PaymentGateway.Refund(paymentId, refundId, providerReference,
                    amount));
        } catch (ProviderUnavailableException unavailable) {
            failedAttempts++;
            if (failedAttempts >= MAX_ATTEMPTS) {
                commands.sendAndWait(new RecordPaymentRefundFailureCommand(paymentId, refundId,
                        PROVIDER_UNAVAILABLE + ": no refund after " + MAX_ATTEMPTS + " attempts"));
                return;
            }
            Duration backoff = FIRST_BACKOFF.multipliedBy(1L << (failedAttempts - 1));
            log.info("Refund {}: {} unreachable ({}), attempt {} of {} in {}", refundId, provider,
                    unavailable.getMessage(), failedAttempts + 1, MAX_ATTEMPTS, backoff);
            pendingDeadlines.schedule(deadlines, backoff, PROVIDER_RETRY,
                    new Retry(refundId, failedAttempts + 1));
            return;
        }
        failedAttempts = 0;
        switch (outcome) {
            case RefundOutcome.Refunded refunded -> commands.sendAndWait(
                    new RecordPaymentRefundCommand(paymentId, refundId, refunded.reference()));
            case RefundOutcome.Refused refused -> commands.sendAndWait(
                    new RecordPaymentRefundFailureCommand(paymentId, refundId, refused.reason()));
        }
    }
}
