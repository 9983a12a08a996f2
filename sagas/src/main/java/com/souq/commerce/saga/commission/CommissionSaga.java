package com.souq.commerce.saga.commission;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.JournalReferences;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.ledger.api.PostJournalEntryCommand;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.order.api.CloseVendorOrderReturnsCommand;
import com.souq.commerce.order.api.OrderConfirmedForCashOnDeliveryEvent;
import com.souq.commerce.order.api.OrderPaidEvent;
import com.souq.commerce.order.api.RefundApprovedEvent;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.VendorOrderCancelledEvent;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.order.api.VendorOrderRejectedEvent;
import com.souq.commerce.payment.api.PaymentCancelledEvent;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.pricing.OrderTotals;
import com.souq.commerce.shared.pricing.VatTable;
import com.souq.commerce.shared.pricing.VendorTotals;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.wallet.api.DepositToWalletCommand;
import com.souq.commerce.wallet.api.WalletOwner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The money of one paid order in the journal, share by share, until every vendor's share is released to its wallet
 * or reversed.
 *
 * <table>
 *   <caption>Steps and compensations</caption>
 *   <tr><th>when</th><th>it does</th><th>if that cannot be done</th></tr>
 *   <tr><td>payment captured and order paid (either first)</td><td>per vendor share, read the vendor's commission
 *       terms as they stood when the order was paid and post the capture split ({@link CommissionSplit}): gateway
 *       clearing → vendor payable, platform commission, tax payable on the commission</td><td>terms not readable
 *       (vendor or listing unknown): nothing is guessed; try again after 1, 2, 4 ... minutes, at most hourly</td></tr>
 *   <tr><td>vendor order delivered</td><td>start its return window ({@code souq.money.return-window}, a persistent
 *       deadline)</td><td>—</td></tr>
 *   <tr><td>refund of part of a share approved</td><td>post its refund reversal: the vendor's payable, the commission
 *       and the tax on it give back their parts of the refund in proportion ({@link CommissionSplit#refundReversal}),
 *       into refunds clearing</td><td>split not posted yet: posted right after it</td></tr>
 *   <tr><td>return window passed</td><td>close the vendor order to refunds (it answers the refunds approved, final
 *       from then on), post the release of what they left of the payable (vendor payable → vendor wallet) and
 *       deposit the same amount in the vendor's wallet under the release entry's id</td><td>—</td></tr>
 *   <tr><td>vendor order rejected or cancelled</td><td>post the reversal of what earlier refunds left of its split
 *       into refunds clearing: the rest of the share is owed back to the customer (the automatic refund) and never
 *       released</td><td>—</td></tr>
 *   <tr><td>every share released or reversed, with the reversal of each of its refunds posted</td><td>the saga
 *       ends</td><td>—</td></tr>
 *   <tr><td>cash on delivery: order confirmed (instead of paid), and later the couriers' cash captured</td>
 *       <td>as above, with the terms as they stood at confirmation, for the delivered shares only: a share
 *       rejected or cancelled before delivery was never paid, so nothing is posted or reversed for it</td>
 *       <td>—</td></tr>
 * </table>
 *
 * <p>Every entry's id derives from its operation (capture of this payment for this share, release or reversal of
 * this share), and every wallet deposit carries its release entry's id, so a redelivered event or a retried step
 * posts and deposits nothing twice; both commands are total. The release and its deposit travel in the same
 * transaction, so the vendor's wallet and its {@code vendor-wallet} account never disagree. Paying the refunds back
 * (refunds clearing → provider or customer wallet) is the refund process's.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CommissionSaga {

    private static final Logger log = LoggerFactory.getLogger(CommissionSaga.class);

    static final String ORDER = "orderId";
    static final String RETURN_WINDOW = "commission-return-window";
    static final String TERMS_RETRY = "commission-terms-retry";
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private OrderId orderId;
    private String customerSubject;
    private PaymentId paymentId;
    private PaymentProvider provider;
    private Money captured;
    /** What the customer's wallet paid of {@link #captured}: zero, or null for a saga stored before wallets paid. */
    private Money capturedFromWallet;
    private Instant capturedAt;
    private Instant paidAt;
    private boolean cashOnDelivery;
    private Map<VendorOrderId, Share> shares = new LinkedHashMap<>();
    private int termsAttempts;
    private String termsRetryId;

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(PaymentCapturedEvent event, @Timestamp Instant at, CommandGateway commands, DeadlineManager deadlines,
            CommissionTermsSource terms, VatTable vat) {
        if (captured != null) {
            return;
        }
        orderId = event.orderId();
        customerSubject = event.customerSubject();
        paymentId = event.paymentId();
        provider = event.provider();
        captured = event.amount();
        capturedFromWallet = event.walletPart();
        capturedAt = at;
        settleAll(commands, deadlines, terms, vat, at);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderPaidEvent event, @Timestamp Instant at, CommandGateway commands, DeadlineManager deadlines,
            CommissionTermsSource terms, VatTable vat) {
        open(event.orderId(), event.customerSubject(), event.lines(), event.totals(), at, commands, deadlines,
                terms, vat);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderConfirmedForCashOnDeliveryEvent event, @Timestamp Instant at, CommandGateway commands,
            DeadlineManager deadlines, CommissionTermsSource terms, VatTable vat) {
        if (paidAt == null) {
            cashOnDelivery = true;
        }
        open(event.orderId(), event.customerSubject(), event.lines(), event.totals(), at, commands, deadlines,
                terms, vat);
    }

    private void open(OrderId order, String customer, List<OrderLine> orderLines, OrderTotals totals, Instant at,
                      CommandGateway commands, DeadlineManager deadlines, CommissionTermsSource terms,
                      VatTable vat) {
        if (paidAt != null) {
            return;
        }
        orderId = order;
        customerSubject = customer;
        paidAt = at;
        for (VendorTotals share : totals.vendors()) {
            VendorId vendor = VendorId.of(share.vendorId());
            List<OrderLine> lines = orderLines.stream().filter(line -> line.vendorId().equals(vendor)).toList();
            shares.put(VendorOrderId.of(orderId, vendor), Share.open(vendor, share, lines));
        }
        settleAll(commands, deadlines, terms, vat, at);
    }

    /** A cash-on-delivery order of which nothing was delivered: its payment is cancelled, nothing was ever posted. */
    @SagaEventHandler(associationProperty = ORDER)
    void on(PaymentCancelledEvent event) {
        if (cashOnDelivery && captured == null) {
            SagaLifecycle.end();
        }
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(VendorOrderDeliveredEvent event, DeadlineManager deadlines, CommissionSettings settings) {
        Share share = shares.get(event.vendorOrderId());
        if (share == null || share.fate() != Fate.OPEN) {
            return;
        }
        String windowId = deadlines.schedule(settings.returnWindow(), RETURN_WINDOW,
                new ReturnWindow(orderId, event.vendorOrderId()));
        shares.put(event.vendorOrderId(), share.delivered(windowId));
    }

    @DeadlineHandler(deadlineName = RETURN_WINDOW)
    void on(ReturnWindow window, CommandGateway commands, DeadlineManager deadlines, CommissionTermsSource terms,
            VatTable vat) {
        Share share = shares.get(window.vendorOrderId());
        if (share == null || share.fate() != Fate.DELIVERED) {
            return;
        }
        Money refunded = commands.sendAndWait(new CloseVendorOrderReturnsCommand(window.vendorOrderId()));
        shares.put(window.vendorOrderId(), share.withFate(Fate.RETURN_WINDOW_PASSED)
                .closedWith(refunded == null ? Money.zero(share.totals().total().currency()) : refunded));
        settleAll(commands, deadlines, terms, vat, null);
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(VendorOrderRejectedEvent event, @Timestamp Instant at, CommandGateway commands,
            DeadlineManager deadlines, CommissionTermsSource terms, VatTable vat) {
        withdraw(event.vendorOrderId(), at, commands, deadlines, terms, vat);
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(VendorOrderCancelledEvent event, @Timestamp Instant at, CommandGateway commands,
            DeadlineManager deadlines, CommissionTermsSource terms, VatTable vat) {
        withdraw(event.vendorOrderId(), at, commands, deadlines, terms, vat);
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(RefundApprovedEvent event, @Timestamp Instant at, CommandGateway commands, DeadlineManager deadlines,
            CommissionTermsSource terms, VatTable vat) {
        Share share = shares.get(event.vendorOrderId());
        if (share == null || event.automatic() || share.knows(event.refundId())) {
            return;
        }
        shares.put(event.vendorOrderId(), share.withRefund(new ShareRefund(event.refundId(),
                event.approvedTotal().minus(event.amount()), event.approvedTotal(), at, false)));
        settleAll(commands, deadlines, terms, vat, at);
    }

    @DeadlineHandler(deadlineName = TERMS_RETRY)
    void on(TermsRetry retry, CommandGateway commands, DeadlineManager deadlines, CommissionTermsSource terms,
            VatTable vat) {
        termsRetryId = null;
        settleAll(commands, deadlines, terms, vat, null);
    }

    /** The payload of a share's return window: which order and share, readable in the scheduler's table. */
    record ReturnWindow(OrderId orderId, VendorOrderId vendorOrderId) {
    }

    /** The payload of a retry to read commission terms: which order and which attempt. */
    record TermsRetry(OrderId orderId, int attempt) {
    }

    /** Where a share stands in fulfilment, as far as its money is concerned. */
    enum Fate {
        /** Being fulfilled: its payable waits. */
        OPEN,
        /** Delivered: its return window runs. */
        DELIVERED,
        /** Delivered and the return window passed without a return: its payable is the vendor's. */
        RETURN_WINDOW_PASSED,
        /** Rejected or cancelled: its money is owed back to the customer. */
        WITHDRAWN
    }

    /**
     * One vendor's share: what it sold, where it stands, and what the journal has of it (the split once posted,
     * whether it was released or reversed).
     */
    record Share(VendorId vendorId, VendorTotals totals, List<OrderLine> lines, Fate fate, CommissionSplit split,
                 boolean released, boolean reversed, String returnWindowId, List<ShareRefund> refunds,
                 Money refundedAtClose) {

        static Share open(VendorId vendorId, VendorTotals totals, List<OrderLine> lines) {
            return new Share(vendorId, totals, List.copyOf(lines), Fate.OPEN, null, false, false, null, List.of(),
                    null);
        }

        Share {
            refunds = refunds == null ? List.of() : List.copyOf(refunds);
        }

        Share delivered(String windowId) {
            return new Share(vendorId, totals, lines, Fate.DELIVERED, split, released, reversed, windowId, refunds,
                    refundedAtClose);
        }

        Share withFate(Fate next) {
            return new Share(vendorId, totals, lines, next, split, released, reversed, returnWindowId, refunds,
                    refundedAtClose);
        }

        Share posted(CommissionSplit computed) {
            return new Share(vendorId, totals, lines, fate, computed, released, reversed, returnWindowId, refunds,
                    refundedAtClose);
        }

        Share releasedNow() {
            return new Share(vendorId, totals, lines, fate, split, true, reversed, returnWindowId, refunds,
                    refundedAtClose);
        }

        Share reversedNow() {
            return new Share(vendorId, totals, lines, fate, split, released, true, returnWindowId, refunds,
                    refundedAtClose);
        }

        Share closedWith(Money refunded) {
            return new Share(vendorId, totals, lines, fate, split, released, reversed, returnWindowId, refunds,
                    refunded);
        }

        Share withRefund(ShareRefund refund) {
            List<ShareRefund> more = new ArrayList<>(refunds);
            more.add(refund);
            return new Share(vendorId, totals, lines, fate, split, released, reversed, returnWindowId, more,
                    refundedAtClose);
        }

        Share withRefunds(List<ShareRefund> next) {
            return new Share(vendorId, totals, lines, fate, split, released, reversed, returnWindowId, next,
                    refundedAtClose);
        }

        boolean knows(RefundId refundId) {
            return refunds.stream().anyMatch(refund -> refund.refundId().equals(refundId));
        }

        /** What the approved refunds seen so far come to (the running total after the latest). */
        Money refunded() {
            return refunds.stream().map(ShareRefund::to).max(Money::compareTo)
                    .orElse(Money.zero(totals.total().currency()));
        }

        /**
         * Released or reversed, and every refund approved before the vendor order closed to refunds seen and its
         * reversal posted.
         */
        boolean finished() {
            boolean refundsPosted = refunds.stream().allMatch(ShareRefund::posted);
            boolean refundsSeen = refundedAtClose == null || refunded().compareTo(refundedAtClose) >= 0;
            return refundsPosted && (reversed || (released && refundsSeen));
        }
    }

    /** One approved refund of part of a share: the share's running refund total before and after it. */
    record ShareRefund(RefundId refundId, Money from, Money to, Instant approvedAt, boolean posted) {

        ShareRefund postedNow() {
            return new ShareRefund(refundId, from, to, approvedAt, true);
        }
    }

    private void withdraw(VendorOrderId vendorOrderId, Instant at, CommandGateway commands,
                          DeadlineManager deadlines, CommissionTermsSource terms, VatTable vat) {
        Share share = shares.get(vendorOrderId);
        if (share == null || share.fate() == Fate.WITHDRAWN || share.released()) {
            return;
        }
        if (share.returnWindowId() != null) {
            deadlines.cancelSchedule(RETURN_WINDOW, share.returnWindowId());
        }
        shares.put(vendorOrderId, share.withFate(Fate.WITHDRAWN));
        settleAll(commands, deadlines, terms, vat, at);
    }

    /**
     * Brings the journal up to date with every share: posts the capture splits once capture and order are both known,
     * then the releases and reversals that are due; ends the saga once every share is released or reversed.
     */
    private void settleAll(CommandGateway commands, DeadlineManager deadlines, CommissionTermsSource terms,
                           VatTable vat, Instant at) {
        if (captured == null || paidAt == null) {
            return;
        }
        boolean termsMissing = false;
        for (Map.Entry<VendorOrderId, Share> entry : shares.entrySet()) {
            VendorOrderId vendorOrderId = entry.getKey();
            Share share = entry.getValue();
            if (share.split() == null && cashOnDelivery && share.fate() == Fate.WITHDRAWN) {
                // never delivered, so never paid: no capture to post, nothing to reverse; the share is closed
                entry.setValue(share.reversedNow());
                continue;
            }
            if (share.split() == null) {
                Optional<CommissionSplit> split = split(share, terms, vat);
                if (split.isEmpty()) {
                    termsMissing = true;
                    continue;
                }
                postCapture(vendorOrderId, share, split.get(), commands);
                share = share.posted(split.get());
            }
            List<ShareRefund> refunds = new ArrayList<>();
            for (ShareRefund refund : share.refunds()) {
                if (!refund.posted()) {
                    postRefundReversal(vendorOrderId, share, refund, commands);
                    refund = refund.postedNow();
                }
                refunds.add(refund);
            }
            share = share.withRefunds(refunds);
            if (share.fate() == Fate.WITHDRAWN && !share.reversed()) {
                postReversal(vendorOrderId, share, at, commands);
                share = share.reversedNow();
            }
            if (share.fate() == Fate.RETURN_WINDOW_PASSED && !share.released()) {
                release(vendorOrderId, share, commands);
                share = share.releasedNow();
            }
            entry.setValue(share);
        }
        if (termsMissing) {
            retryTermsLater(deadlines);
            return;
        }
        termsAttempts = 0;
        if (!shares.isEmpty() && shares.values().stream().allMatch(Share::finished)) {
            SagaLifecycle.end();
        }
    }

    private Optional<CommissionSplit> split(Share share, CommissionTermsSource terms, VatTable vat) {
        List<ListingId> listings = share.lines().stream().map(OrderLine::listingId).distinct().toList();
        return terms.termsAsOf(share.vendorId(), listings, paidAt)
                .map(found -> CommissionSplit.of(share.totals(), share.lines(), found, vat));
    }

    private void postCapture(VendorOrderId vendorOrderId, Share share, CommissionSplit split,
                             CommandGateway commands) {
        Money fromWallet = fromWallet(vendorOrderId);
        Map<String, String> details = split.details();
        if (!fromWallet.isZero()) {
            details = new TreeMap<>(details);
            details.put("share.fromWallet", Long.toString(fromWallet.minorUnits()));
            details = Map.copyOf(details);
        }
        post(Operations.captureShare(paymentId, vendorOrderId), capturedAt,
                split.capture(share.vendorId(), provider, fromWallet, customerSubject),
                "Payment " + paymentId + " captured by " + provider + (fromWallet.isZero() ? "" : " and "
                        + fromWallet + " from the customer's wallet") + ", share of vendor order " + vendorOrderId
                        + ": " + split.describe(), vendorOrderId, share, details, commands);
    }

    /**
     * What the customer's wallet paid of a share: the wallet's part of the capture is laid over the shares in the
     * order's vendor order, each taking what is left of it up to its total. Computed from the capture and the shares
     * alone, so every retry gives each share the same part, and the parts add up to the wallet's.
     */
    private Money fromWallet(VendorOrderId vendorOrderId) {
        Currency currency = captured.currency();
        long left = capturedFromWallet == null ? 0 : capturedFromWallet.minorUnits();
        for (Map.Entry<VendorOrderId, Share> entry : shares.entrySet()) {
            long part = Math.min(left, entry.getValue().totals().total().minorUnits());
            if (entry.getKey().equals(vendorOrderId)) {
                return new Money(part, currency);
            }
            left -= part;
        }
        return Money.zero(currency);
    }

    private void postReversal(VendorOrderId vendorOrderId, Share share, Instant at, CommandGateway commands) {
        Money rest = share.split().shareTotal().minus(share.refunded());
        post(Operations.shareReversal(vendorOrderId), at, share.split().refundReversal(share.vendorId(),
                        share.refunded(), share.split().shareTotal()),
                "Vendor order " + vendorOrderId + " rejected or cancelled: the " + rest + " left of its "
                        + share.split().shareTotal() + " is owed back to the customer", vendorOrderId, share,
                Map.of(), commands);
    }

    private void postRefundReversal(VendorOrderId vendorOrderId, Share share, ShareRefund refund,
                                    CommandGateway commands) {
        CommissionSplit.Portion before = share.split().refundedUpTo(refund.from());
        CommissionSplit.Portion after = share.split().refundedUpTo(refund.to());
        Map<String, String> details = Map.of(
                "refund.id", refund.refundId().value(),
                "refund.amount", Long.toString(refund.to().minus(refund.from()).minorUnits()),
                "refund.share.refundedBefore", Long.toString(refund.from().minorUnits()),
                "refund.share.refundedAfter", Long.toString(refund.to().minorUnits()),
                "refund.commission", Long.toString(after.commission().minus(before.commission()).minorUnits()),
                "refund.commission.vat", Long.toString(after.tax().minus(before.tax()).minorUnits()),
                "refund.vendor.payable", Long.toString(after.payable().minus(before.payable()).minorUnits()));
        post(Operations.refundReversal(refund.refundId()), refund.approvedAt(),
                share.split().refundReversal(share.vendorId(), refund.from(), refund.to()),
                "Refund " + refund.refundId() + " of " + refund.to().minus(refund.from()) + " on vendor order "
                        + vendorOrderId + " approved: commission, its VAT and the payable give back their parts",
                vendorOrderId, share, details, commands);
    }

    /** The payable moves to the vendor's wallet: the journal entry and the deposit name the same transaction. */
    private void release(VendorOrderId vendorOrderId, Share share, CommandGateway commands) {
        String operation = Operations.release(vendorOrderId);
        Money payable = share.split().payableAfter(share.refundedAtClose() == null
                ? Money.zero(share.split().shareTotal().currency()) : share.refundedAtClose());
        if (payable.isNegative() || payable.isZero()) {
            log.warn("Vendor order {}: nothing to release, its payable is {}", vendorOrderId, payable);
            return;
        }
        post(operation, null, share.split().release(share.vendorId(), payable), "Return window of vendor order "
                + vendorOrderId + " passed: " + payable + " released to the vendor's wallet", vendorOrderId, share,
                Map.of(), commands);
        commands.sendAndWait(DepositToWalletCommand.of(WalletOwner.vendor(share.vendorId()),
                JournalEntryId.forOperation(operation).value(), payable, operation));
    }

    private void post(String operation, Instant occurredAt, List<Posting> postings, String description,
                      VendorOrderId vendorOrderId, Share share, Map<String, String> details,
                      CommandGateway commands) {
        if (postings.size() < 2) {
            log.warn("Order {}: {} moves nothing, no entry posted", orderId, operation);
            return;
        }
        commands.sendAndWait(PostJournalEntryCommand.of(operation, occurredAt, postings, description,
                new JournalReferences(orderId, vendorOrderId, share.vendorId(), paymentId, customerSubject),
                details));
    }

    private void retryTermsLater(DeadlineManager deadlines) {
        if (termsRetryId != null) {
            return;
        }
        termsAttempts++;
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(termsAttempts - 1, 10));
        if (wait.compareTo(LONGEST_RETRY) > 0) {
            wait = LONGEST_RETRY;
        }
        log.error("Order {}: commission terms not readable (attempt {}), nothing posted; trying again in {}",
                orderId, termsAttempts, wait);
        termsRetryId = deadlines.schedule(wait, TERMS_RETRY, new TermsRetry(orderId, termsAttempts));
    }
}
