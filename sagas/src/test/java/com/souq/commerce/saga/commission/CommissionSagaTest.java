package com.souq.commerce.saga.commission;

import static com.souq.commerce.saga.OrderFixture.CAIRO_PARTS;
import static com.souq.commerce.saga.OrderFixture.CUSTOMER;
import static com.souq.commerce.saga.OrderFixture.GIZA_TYRES;
import static com.souq.commerce.saga.OrderFixture.ORDER;
import static com.souq.commerce.saga.OrderFixture.PADS_LINE;
import static com.souq.commerce.saga.OrderFixture.PAYMENT;
import static com.souq.commerce.saga.OrderFixture.TOTALS;
import static com.souq.commerce.saga.OrderFixture.TYRES_LINE;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_COMMISSION;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_PAYABLE;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_SHARE;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_TAX;
import static com.souq.commerce.saga.commission.CommissionFixture.CAIRO_TERMS;
import static com.souq.commerce.saga.commission.CommissionFixture.EGYPT;
import static com.souq.commerce.saga.commission.CommissionFixture.GIZA_COMMISSION;
import static com.souq.commerce.saga.commission.CommissionFixture.GIZA_PAYABLE;
import static com.souq.commerce.saga.commission.CommissionFixture.GIZA_SHARE;
import static com.souq.commerce.saga.commission.CommissionFixture.GIZA_TAX;
import static com.souq.commerce.saga.commission.CommissionFixture.GIZA_TERMS;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.listWithAnyOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.JournalReferences;
import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.ledger.api.PostJournalEntryCommand;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.CloseVendorOrderReturnsCommand;
import com.souq.commerce.order.api.VendorOrderCancelledEvent;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.order.api.VendorOrderRejectedEvent;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.saga.OrderFixture;
import com.souq.commerce.shared.pricing.VatTable;
import com.souq.commerce.wallet.api.DepositToWalletCommand;
import com.souq.commerce.wallet.api.WalletOwner;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommissionSagaTest {

    private static final Duration RETURN_WINDOW = Duration.ofDays(14);
    private static final VendorOrderId PADS_SHARE = VendorOrderId.of(ORDER, CAIRO_PARTS);
    private static final VendorOrderId TYRES_SHARE = VendorOrderId.of(ORDER, GIZA_TYRES);
    private static final LedgerAccount SANDBOX_CLEARING = LedgerAccount.gatewayClearing(PaymentProvider.SANDBOX);

    private SagaTestFixture<CommissionSaga> fixture;
    private KnownTerms terms;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(CommissionSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
        terms = new KnownTerms().with(CAIRO_TERMS).with(GIZA_TERMS);
        fixture.registerResource(terms);
        fixture.registerResource(VatTable.seed());
        fixture.registerResource(new CommissionSettings(RETURN_WINDOW));
    }

    private static PaymentCapturedEvent captured() {
        return new PaymentCapturedEvent(PAYMENT, ORDER, CUSTOMER, PaymentProvider.SANDBOX, "sandbox_1",
                TOTALS.grandTotal());
    }

    private static Matcher<Object> captureOfPads() {
        return entry(Operations.captureShare(PAYMENT, PADS_SHARE),
                Posting.debit(SANDBOX_CLEARING, CAIRO_SHARE),
                Posting.credit(LedgerAccount.vendorPayable(CAIRO_PARTS), CAIRO_PAYABLE),
                Posting.credit(LedgerAccount.platformCommission(), CAIRO_COMMISSION),
                Posting.credit(LedgerAccount.taxPayable(EGYPT), CAIRO_TAX));
    }

    private static Matcher<Object> captureOfTyres() {
        return entry(Operations.captureShare(PAYMENT, TYRES_SHARE),
                Posting.debit(SANDBOX_CLEARING, GIZA_SHARE),
                Posting.credit(LedgerAccount.vendorPayable(GIZA_TYRES), GIZA_PAYABLE),
                Posting.credit(LedgerAccount.platformCommission(), GIZA_COMMISSION),
                Posting.credit(LedgerAccount.taxPayable(EGYPT), GIZA_TAX));
    }

    private static Matcher<Object> entry(String operation, Posting... postings) {
        return predicate(payload -> payload instanceof PostJournalEntryCommand command
                && command.operation().equals(operation)
                && command.entryId().equals(JournalEntryId.forOperation(operation))
                && command.postings().equals(List.of(postings)));
    }

    private static Matcher<Object> deposit(DepositToWalletCommand expected) {
        return predicate(expected::equals);
    }

    @SafeVarargs
    private static Matcher<List<? super Object>> exactly(Matcher<Object>... commands) {
        Matcher<Object>[] withEnd = Arrays.copyOf(commands, commands.length + 1);
        withEnd[commands.length] = andNoMore();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Matcher<List<? super Object>> matcher = (Matcher) payloadsMatching(exactSequenceOf(withEnd));
        return matcher;
    }

    @Test
    void postsOneBalancedEntryPerVendorShareOnceCapturedAndPaid() {
        fixture.givenAPublished(captured())
                .whenPublishingA(OrderFixture.paid())
                .expectActiveSagas(1)
                .expectDispatchedCommandsMatching(exactly(captureOfPads(), captureOfTyres()));
    }

    @Test
    void postsTheSameWhenTheOrderIsPaidBeforeTheCaptureIsSeen() {
        fixture.givenAPublished(OrderFixture.paid())
                .whenPublishingA(captured())
                .expectDispatchedCommandsMatching(exactly(captureOfPads(), captureOfTyres()));
    }

    @Test
    void aCaptureAloneWaitsForTheOrdersShares() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(captured())
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void theEntryNamesItsOrderShareAndCustomerAndRecordsTheRatesApplied() {
        Matcher<Object> padsEntry = predicate(payload -> payload instanceof PostJournalEntryCommand command
                && command.references().equals(new JournalReferences(ORDER, PADS_SHARE, CAIRO_PARTS, PAYMENT,
                        CUSTOMER))
                && "600".equals(command.details().get("commission.rate.spare-parts"))
                && "800".equals(command.details().get("commission.rate.default"))
                && command.description().contains("commission 42.00 EGP"));
        fixture.givenAPublished(captured())
                .whenPublishingA(OrderFixture.paid())
                .expectDispatchedCommandsMatching(payloadsMatching(listWithAnyOf(padsEntry)));
    }

    @Test
    void aRedeliveredCaptureOrPaymentPostsNothingMore() {
        fixture.givenAPublished(captured())
                .andThenAPublished(OrderFixture.paid())
                .whenPublishingA(captured())
                .expectNoDispatchedCommands();
        fixture.givenAPublished(captured())
                .andThenAPublished(OrderFixture.paid())
                .whenPublishingA(OrderFixture.paid())
                .expectNoDispatchedCommands();
    }

    @Test
    void aDeliveredShareStartsItsReturnWindow() {
        fixture.givenAPublished(captured())
                .andThenAPublished(OrderFixture.paid())
                .whenPublishingA(new VendorOrderDeliveredEvent(PADS_SHARE, ORDER, CAIRO_PARTS))
                .expectScheduledDeadlineWithName(RETURN_WINDOW, CommissionSaga.RETURN_WINDOW)
                .expectNoDispatchedCommands();
    }

    @Test
    void whenTheReturnWindowPassesThePayableMovesToTheVendorsWallet() throws Exception {
        String release = Operations.release(PADS_SHARE);
        fixture.givenAPublished(captured())
                .andThenAPublished(OrderFixture.paid())
                .andThenAPublished(new VendorOrderDeliveredEvent(PADS_SHARE, ORDER, CAIRO_PARTS))
                .whenTimeElapses(RETURN_WINDOW)
                .expectTriggeredDeadlinesWithName(CommissionSaga.RETURN_WINDOW)
                .expectDispatchedCommandsMatching(exactly(
                        predicate(new CloseVendorOrderReturnsCommand(PADS_SHARE)::equals),
                        entry(release, Posting.debit(LedgerAccount.vendorPayable(CAIRO_PARTS), CAIRO_PAYABLE),
                                Posting.credit(LedgerAccount.vendorWallet(CAIRO_PARTS), CAIRO_PAYABLE)),
                        deposit(DepositToWalletCommand.of(WalletOwner.vendor(CAIRO_PARTS),
                                JournalEntryId.forOperation(release).value(), CAIRO_PAYABLE, release))))
                .expectActiveSagas(1);
    }

    @Test
    void nothingIsReleasedBeforeTheReturnWindowPasses() throws Exception {
        fixture.givenAPublished(captured())
                .andThenAPublished(OrderFixture.paid())
                .andThenAPublished(new VendorOrderDeliveredEvent(PADS_SHARE, ORDER, CAIRO_PARTS))
                .whenTimeElapses(RETURN_WINDOW.minusMinutes(1))
                .expectNoDispatchedCommands();
    }

    @Test
    void aRejectedShareIsReversedIntoRefundsClearingAndNeverReleased() {
        fixture.givenAPublished(captured())
                .andThenAPublished(OrderFixture.paid())
                .whenPublishingA(new VendorOrderRejectedEvent(TYRES_SHARE, ORDER, GIZA_TYRES, "out of stock",
                        List.of(TYRES_LINE), GIZA_SHARE))
                .expectDispatchedCommandsMatching(exactly(entry(Operations.shareReversal(TYRES_SHARE),
                        Posting.debit(LedgerAccount.vendorPayable(GIZA_TYRES), GIZA_PAYABLE),
                        Posting.debit(LedgerAccount.platformCommission(), GIZA_COMMISSION),
                        Posting.debit(LedgerAccount.taxPayable(EGYPT), GIZA_TAX),
                        Posting.credit(LedgerAccount.refundsClearing(), GIZA_SHARE))))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aCancelledShareIsReversedToo() {
        fixture.givenAPublished(captured())
                .andThenAPublished(OrderFixture.paid())
                .whenPublishingA(new VendorOrderCancelledEvent(PADS_SHARE, ORDER, CAIRO_PARTS,
                        CancellationParty.CUSTOMER, CUSTOMER, "ordered twice", List.of(PADS_LINE), CAIRO_SHARE, null))
                .expectDispatchedCommandsMatching(exactly(entry(Operations.shareReversal(PADS_SHARE),
                        Posting.debit(LedgerAccount.vendorPayable(CAIRO_PARTS), CAIRO_PAYABLE),
                        Posting.debit(LedgerAccount.platformCommission(), CAIRO_COMMISSION),
                        Posting.debit(LedgerAccount.taxPayable(EGYPT), CAIRO_TAX),
                        Posting.credit(LedgerAccount.refundsClearing(), CAIRO_SHARE))));
    }

    @Test
    void aRejectionRepeatedReversesOnce() {
        VendorOrderRejectedEvent rejected = new VendorOrderRejectedEvent(TYRES_SHARE, ORDER, GIZA_TYRES, "closed",
                List.of(TYRES_LINE), GIZA_SHARE);
        fixture.givenAPublished(captured())
                .andThenAPublished(OrderFixture.paid())
                .andThenAPublished(rejected)
                .whenPublishingA(rejected)
                .expectNoDispatchedCommands();
    }

    @Test
    void endsOnceEveryShareIsReleasedOrReversed() throws Exception {
        fixture.givenAPublished(captured())
                .andThenAPublished(OrderFixture.paid())
                .andThenAPublished(new VendorOrderRejectedEvent(TYRES_SHARE, ORDER, GIZA_TYRES, "closed",
                        List.of(TYRES_LINE), GIZA_SHARE))
                .andThenAPublished(new VendorOrderDeliveredEvent(PADS_SHARE, ORDER, CAIRO_PARTS))
                .whenTimeElapses(RETURN_WINDOW.plusSeconds(1))
                .expectActiveSagas(0);
    }

    @Test
    void endsWhenEveryShareWasRejectedOrCancelled() {
        fixture.givenAPublished(captured())
                .andThenAPublished(OrderFixture.paid())
                .andThenAPublished(new VendorOrderRejectedEvent(TYRES_SHARE, ORDER, GIZA_TYRES, "closed",
                        List.of(TYRES_LINE), GIZA_SHARE))
                .whenPublishingA(new VendorOrderCancelledEvent(PADS_SHARE, ORDER, CAIRO_PARTS,
                        CancellationParty.STAFF, "support-1", "fraud", List.of(PADS_LINE), CAIRO_SHARE, null))
                .expectActiveSagas(0);
    }

    @Test
    void unknownTermsPostNothingAndAreReadAgainLater() {
        terms = new KnownTerms().with(GIZA_TERMS);
        fixture = new SagaTestFixture<>(CommissionSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.registerResource(terms);
        fixture.registerResource(VatTable.seed());
        fixture.registerResource(new CommissionSettings(RETURN_WINDOW));

        fixture.givenAPublished(captured())
                .whenPublishingA(OrderFixture.paid())
                .expectDispatchedCommandsMatching(exactly(captureOfTyres()))
                .expectScheduledDeadlineWithName(CommissionSaga.FIRST_RETRY, CommissionSaga.TERMS_RETRY);
    }

    @Test
    void termsFoundOnARetryArePostedThen() throws Exception {
        KnownTerms late = new KnownTerms().with(GIZA_TERMS);
        fixture = new SagaTestFixture<>(CommissionSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.registerResource(late);
        fixture.registerResource(VatTable.seed());
        fixture.registerResource(new CommissionSettings(RETURN_WINDOW));

        ContinuedGivenState withoutCairoTerms = fixture.givenAPublished(captured())
                .andThenAPublished(OrderFixture.paid())
                .andThenAPublished(new VendorOrderRejectedEvent(PADS_SHARE, ORDER, CAIRO_PARTS, "closed",
                        List.of(PADS_LINE), CAIRO_SHARE));
        late.with(CAIRO_TERMS);

        withoutCairoTerms.whenTimeElapses(CommissionSaga.FIRST_RETRY)
                .expectTriggeredDeadlinesWithName(CommissionSaga.TERMS_RETRY)
                .expectDispatchedCommandsMatching(exactly(captureOfPads(), entry(Operations.shareReversal(PADS_SHARE),
                        Posting.debit(LedgerAccount.vendorPayable(CAIRO_PARTS), CAIRO_PAYABLE),
                        Posting.debit(LedgerAccount.platformCommission(), CAIRO_COMMISSION),
                        Posting.debit(LedgerAccount.taxPayable(EGYPT), CAIRO_TAX),
                        Posting.credit(LedgerAccount.refundsClearing(), CAIRO_SHARE))));
    }

    @Test
    void retriesBackOffUpToHourly() throws Exception {
        KnownTerms none = new KnownTerms();
        fixture = new SagaTestFixture<>(CommissionSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.registerResource(none);
        fixture.registerResource(VatTable.seed());
        fixture.registerResource(new CommissionSettings(RETURN_WINDOW));

        fixture.givenAPublished(captured())
                .andThenAPublished(OrderFixture.paid())
                .whenTimeElapses(Duration.ofMinutes(1 + 2 + 4 + 8 + 16 + 32))
                .expectScheduledDeadlineWithName(CommissionSaga.LONGEST_RETRY, CommissionSaga.TERMS_RETRY)
                .expectNoDispatchedCommands();
    }
}
