package com.souq.commerce.saga.commission;

import static com.souq.commerce.saga.OrderFixture.CAIRO_PARTS;
import static com.souq.commerce.saga.OrderFixture.CUSTOMER;
import static com.souq.commerce.saga.OrderFixture.ORDER;
import static com.souq.commerce.saga.OrderFixture.PADS_LINE;
import static com.souq.commerce.saga.OrderFixture.PAYMENT;
import static com.souq.commerce.saga.OrderFixture.TOTALS;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_SHARE;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_TERMS;
import static com.souq.commerce.saga.commission.CommissionFixture.EGYPT;
import static com.souq.commerce.saga.commission.CommissionFixture.GIZA_TERMS;
import static com.souq.commerce.saga.commission.CommissionFixture.egp;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.ledger.api.PostJournalEntryCommand;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.order.api.CloseVendorOrderReturnsCommand;
import com.souq.commerce.order.api.RefundApprovedEvent;
import com.souq.commerce.order.api.RefundDestination;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.order.api.VendorOrderRejectedEvent;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.saga.OrderFixture;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.pricing.VatTable;
import com.souq.commerce.wallet.api.DepositToWalletCommand;
import com.souq.commerce.wallet.api.WalletOwner;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds in the commission process: each approved refund of part of a share gives back commission, its VAT and the
 * payable in proportion; the release pays out what refunds left; a rejection reverses only the rest.
 */
class CommissionSagaRefundTest {

    private static final Duration RETURN_WINDOW = Duration.ofDays(14);
    private static final VendorOrderId PADS_SHARE = VendorOrderId.of(ORDER, CAIRO_PARTS);
    private static final RefundId FIRST = RefundId.of("aaaaaaaa-0000-4000-8000-000000000001");

    private SagaTestFixture<CommissionSaga> fixture;
    private final AtomicReference<Money> refundedAtClose = new AtomicReference<>(egp(0));

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(CommissionSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.registerResource(new KnownTerms().with(CAIRO_TERMS).with(GIZA_TERMS));
        fixture.registerResource(VatTable.seed());
        fixture.registerResource(new CommissionSettings(RETURN_WINDOW));
        fixture.setCallbackBehavior((payload, metaData) -> payload instanceof CloseVendorOrderReturnsCommand
                ? refundedAtClose.get() : null);
    }

    @Test
    void anApprovedRefundGivesBackCommissionTaxAndPayableInProportion() {
        fixture.givenAPublished(captured())
                .andThenAPublished(OrderFixture.paid())
                .whenPublishingA(approved(FIRST, egp(100_00), egp(100_00), false))
                .expectDispatchedCommandsMatching(exactly(entry(Operations.refundReversal(FIRST),
                        Posting.debit(LedgerAccount.vendorPayable(CAIRO_PARTS), egp(94_40)),
                        Posting.debit(LedgerAccount.platformCommission(), egp(4_91)),
                        Posting.debit(LedgerAccount.taxPayable(EGYPT), egp(69)),
                        Posting.credit(LedgerAccount.refundsClearing(), egp(100_00)))));
    }

    @Test
    void aRedeliveredApprovalPostsNothingMore() {
        fixture.givenAPublished(captured())
                .andThenAPublished(OrderFixture.paid())
                .andThenAPublished(approved(FIRST, egp(100_00), egp(100_00), false))
                .whenPublishingA(approved(FIRST, egp(100_00), egp(100_00), false))
                .expectNoDispatchedCommands();
    }

    @Test
    void aRefundApprovedBeforeTheCaptureIsSeenIsPostedRightAfterTheSplit() {
        fixture.givenAPublished(OrderFixture.paid())
                .andThenAPublished(approved(FIRST, egp(100_00), egp(100_00), false))
                .whenPublishingA(captured())
                .expectDispatchedCommandsMatching(payloadsMatching(exactSequenceOf(
                        operation(Operations.captureShare(PAYMENT, PADS_SHARE)),
                        operation(Operations.refundReversal(FIRST)),
                        operation(Operations.captureShare(PAYMENT, VendorOrderId.of(ORDER,
                                OrderFixture.GIZA_TYRES))),
                        andNoMore())));
    }

    @Test
    void theReleaseMovesWhatRefundsLeftOfThePayable() throws Exception {
        refundedAtClose.set(egp(100_00));
        String release = Operations.release(PADS_SHARE);
        fixture.givenAPublished(captured())
                .andThenAPublished(OrderFixture.paid())
                .andThenAPublished(approved(FIRST, egp(100_00), egp(100_00), false))
                .andThenAPublished(new VendorOrderDeliveredEvent(PADS_SHARE, ORDER, CAIRO_PARTS))
                .whenTimeElapses(RETURN_WINDOW)
                .expectDispatchedCommandsMatching(exactly(
                        predicate(new CloseVendorOrderReturnsCommand(PADS_SHARE)::equals),
                        entry(release, Posting.debit(LedgerAccount.vendorPayable(CAIRO_PARTS), egp(712_72)),
                                Posting.credit(LedgerAccount.vendorWallet(CAIRO_PARTS), egp(712_72))),
                        predicate(DepositToWalletCommand.of(WalletOwner.vendor(CAIRO_PARTS),
                                JournalEntryId.forOperation(release).value(), egp(712_72), release)::equals)));
    }

    @Test
    void aRefundApprovedJustBeforeTheCloseIsStillAwaitedAndPosted() throws Exception {
        refundedAtClose.set(egp(100_00));
        fixture.givenAPublished(captured())
                .andThenAPublished(OrderFixture.paid())
                .andThenAPublished(new VendorOrderDeliveredEvent(PADS_SHARE, ORDER, CAIRO_PARTS))
                .andThenTimeElapses(RETURN_WINDOW)
                .whenPublishingA(approved(FIRST, egp(100_00), egp(100_00), false))
                .expectDispatchedCommandsMatching(exactly(operation(Operations.refundReversal(FIRST))))
                .expectActiveSagas(1);
    }

    @Test
    void aRejectionAfterAPartialRefundReversesOnlyTheRest() {
        fixture.givenAPublished(captured())
                .andThenAPublished(OrderFixture.paid())
                .andThenAPublished(approved(FIRST, egp(100_00), egp(100_00), false))
                .whenPublishingA(new VendorOrderRejectedEvent(PADS_SHARE, ORDER, CAIRO_PARTS, "closed",
                        List.of(PADS_LINE), CAIRO_SHARE))
                .expectDispatchedCommandsMatching(exactly(entry(Operations.shareReversal(PADS_SHARE),
                        Posting.debit(LedgerAccount.vendorPayable(CAIRO_PARTS), egp(712_72)),
                        Posting.debit(LedgerAccount.platformCommission(), egp(37_09)),
                        Posting.debit(LedgerAccount.taxPayable(EGYPT), egp(5_19)),
                        Posting.credit(LedgerAccount.refundsClearing(), egp(755_00)))));
    }

    @Test
    void theAutomaticRefundOfARejectionIsTheReversalAlready() {
        fixture.givenAPublished(captured())
                .andThenAPublished(OrderFixture.paid())
                .andThenAPublished(new VendorOrderRejectedEvent(PADS_SHARE, ORDER, CAIRO_PARTS, "closed",
                        List.of(PADS_LINE), CAIRO_SHARE))
                .whenPublishingA(approved(RefundId.forWithdrawal(PADS_SHARE), CAIRO_SHARE, CAIRO_SHARE, true))
                .expectNoDispatchedCommands();
    }

    private static PaymentCapturedEvent captured() {
        return new PaymentCapturedEvent(PAYMENT, ORDER, CUSTOMER, PaymentProvider.SANDBOX, "sandbox_1",
                TOTALS.grandTotal());
    }

    private static RefundApprovedEvent approved(RefundId id, Money amount, Money approvedTotal, boolean automatic) {
        return new RefundApprovedEvent(id, PADS_SHARE, ORDER, CAIRO_PARTS, CUSTOMER, PAYMENT, amount, CAIRO_SHARE,
                approvedTotal, List.of(), RefundDestination.ORIGINAL_PAYMENT, false, automatic, "staff", "cracked");
    }

    private static Matcher<Object> operation(String operation) {
        return predicate(payload -> payload instanceof PostJournalEntryCommand command
                && command.operation().equals(operation));
    }

    private static Matcher<Object> entry(String operation, Posting... postings) {
        return predicate(payload -> payload instanceof PostJournalEntryCommand command
                && command.operation().equals(operation)
                && command.postings().equals(List.of(postings)));
    }

    @SafeVarargs
    private static Matcher<List<? super Object>> exactly(Matcher<Object>... commands) {
        Matcher<Object>[] withEnd = Arrays.copyOf(commands, commands.length + 1);
        withEnd[commands.length] = andNoMore();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Matcher<List<? super Object>> matcher = (Matcher) payloadsMatching(exactSequenceOf(withEnd));
        return matcher;
    }
}
