package com.souq.commerce.saga.refund;

import static com.souq.commerce.saga.OrderFixture.BRAKE_PADS;
import static com.souq.commerce.saga.OrderFixture.CAIRO_PARTS;
import static com.souq.commerce.saga.OrderFixture.CUSTOMER;
import static com.souq.commerce.saga.OrderFixture.ORDER;
import static com.souq.commerce.saga.OrderFixture.PAYMENT;
import static com.souq.commerce.saga.OrderFixture.TYRE;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.ledger.api.PostJournalEntryCommand;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.listing.api.RestockListingForRefundCommand;
import com.souq.commerce.order.api.RefundApprovedEvent;
import com.souq.commerce.order.api.RefundDestination;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.RefundLine;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentRefundFailedEvent;
import com.souq.commerce.payment.api.PaymentRefundRequestedEvent;
import com.souq.commerce.payment.api.PaymentRefundedEvent;
import com.souq.commerce.payment.api.RecordPaymentRefundCommand;
import com.souq.commerce.payment.api.RecordPaymentRefundFailureCommand;
import com.souq.commerce.payment.api.RefundPaymentCommand;
import com.souq.commerce.saga.payment.AuthorizationOutcome;
import com.souq.commerce.saga.payment.CancellationOutcome;
import com.souq.commerce.saga.payment.CaptureOutcome;
import com.souq.commerce.saga.payment.PaymentGateway;
import com.souq.commerce.saga.payment.PaymentGateways;
import com.souq.commerce.saga.payment.ProviderUnavailableException;
import com.souq.commerce.saga.payment.RefundOutcome;
import com.souq.commerce.saga.payment.SandboxGateway;
import com.souq.commerce.shared.error.DomainError;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.wallet.api.DepositToWalletCommand;
import com.souq.commerce.wallet.api.WalletOwner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefundProcessTest {

    private static final VendorOrderId PADS_SHARE = VendorOrderId.of(ORDER, CAIRO_PARTS);
    private static final RefundId REFUND = RefundId.of("aaaaaaaa-0000-4000-8000-000000000001");
    private static final Money AMOUNT = Money.of(100_00, "EGP");
    private static final Money SHARE = Money.of(855_00, "EGP");

    private SagaTestFixture<RefundProcess> fixture;
    private final ScriptedGateway stripe = new ScriptedGateway();

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RefundProcess.class);
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.registerResource(new PaymentGateways(List.of(new SandboxGateway(), stripe)));
    }

    @Test
    void anApprovedRefundIsAskedOfThePayment() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(approved(RefundDestination.ORIGINAL_PAYMENT))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RefundPaymentCommand(PAYMENT, REFUND, PADS_SHARE, AMOUNT, SHARE,
                        RefundDestination.ORIGINAL_PAYMENT));
    }

    @Test
    void theProviderOfThePaymentRefundsItAndItIsRecorded() {
        fixture.givenAPublished(approved(RefundDestination.ORIGINAL_PAYMENT))
                .whenPublishingA(requested(PaymentProvider.SANDBOX, RefundDestination.ORIGINAL_PAYMENT))
                .expectDispatchedCommands(new RecordPaymentRefundCommand(PAYMENT, REFUND,
                        "sandbox_refund_" + REFUND.value()));
    }

    @Test
    void aWalletRefundNeedsNoProvider() {
        fixture.givenAPublished(approved(RefundDestination.CUSTOMER_WALLET))
                .whenPublishingA(requested(PaymentProvider.STRIPE, RefundDestination.CUSTOMER_WALLET))
                .expectDispatchedCommands(new RecordPaymentRefundCommand(PAYMENT, REFUND,
                        RefundProcess.WALLET_REFERENCE));
    }

    @Test
    void anUnreachableProviderIsTriedAgainLater() {
        stripe.answers.add(null);
        fixture.givenAPublished(approved(RefundDestination.ORIGINAL_PAYMENT))
                .whenPublishingA(requested(PaymentProvider.STRIPE, RefundDestination.ORIGINAL_PAYMENT))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(RefundProcess.FIRST_BACKOFF, RefundProcess.PROVIDER_RETRY);
    }

    @Test
    void aRefusedRefundIsRecordedAsFailed() {
        stripe.answers.add(new RefundOutcome.Refused("re_1", "charge_disputed"));
        fixture.givenAPublished(approved(RefundDestination.ORIGINAL_PAYMENT))
                .whenPublishingA(requested(PaymentProvider.STRIPE, RefundDestination.ORIGINAL_PAYMENT))
                .expectDispatchedCommands(new RecordPaymentRefundFailureCommand(PAYMENT, REFUND, "charge_disputed"));
    }

    @Test
    void aFailedRefundGoesToTheCustomersWallet() {
        fixture.givenAPublished(approved(RefundDestination.ORIGINAL_PAYMENT))
                .andThenAPublished(requested(PaymentProvider.SANDBOX, RefundDestination.ORIGINAL_PAYMENT))
                .whenPublishingA(new PaymentRefundFailedEvent(PAYMENT, REFUND, ORDER, PADS_SHARE, CUSTOMER,
                        PaymentProvider.SANDBOX, AMOUNT, "charge_disputed"))
                .expectDispatchedCommands(new RecordPaymentRefundCommand(PAYMENT, REFUND,
                        RefundProcess.WALLET_REFERENCE));
    }

    @Test
    void aProviderRefundMovesTheMoneyFromRefundsClearingToTheProvidersClearingAndEnds() {
        String operation = Operations.refund(REFUND);
        fixture.givenAPublished(approved(RefundDestination.ORIGINAL_PAYMENT))
                .andThenAPublished(requested(PaymentProvider.SANDBOX, RefundDestination.ORIGINAL_PAYMENT))
                .whenPublishingA(refunded(PaymentProvider.SANDBOX, RefundDestination.ORIGINAL_PAYMENT))
                .expectActiveSagas(0)
                .expectDispatchedCommandsMatching(exactly(entry(operation,
                        Posting.debit(LedgerAccount.refundsClearing(), AMOUNT),
                        Posting.credit(LedgerAccount.gatewayClearing(PaymentProvider.SANDBOX), AMOUNT))));
    }

    @Test
    void aWalletRefundCreditsTheCustomersWalletAndItsAccountUnderOneId() {
        String operation = Operations.refund(REFUND);
        fixture.givenAPublished(approved(RefundDestination.CUSTOMER_WALLET))
                .andThenAPublished(requested(PaymentProvider.SANDBOX, RefundDestination.CUSTOMER_WALLET))
                .whenPublishingA(refunded(PaymentProvider.SANDBOX, RefundDestination.CUSTOMER_WALLET))
                .expectDispatchedCommandsMatching(exactly(entry(operation,
                                Posting.debit(LedgerAccount.refundsClearing(), AMOUNT),
                                Posting.credit(LedgerAccount.customerWallet(CUSTOMER), AMOUNT)),
                        predicate(DepositToWalletCommand.of(WalletOwner.customer(CUSTOMER),
                                JournalEntryId.forOperation(operation).value(), AMOUNT, operation)::equals)));
    }

    @Test
    void aRestockingRefundPutsEachRefundedLineBackInStockBeforeTheMoneyMoves() {
        List<RefundLine> lines = List.of(new RefundLine(TYRE, 1), new RefundLine(BRAKE_PADS, 2));
        fixture.givenNoPriorActivity()
                .whenPublishingA(approved(lines, true))
                .expectDispatchedCommands(
                        new RestockListingForRefundCommand(BRAKE_PADS, REFUND, ORDER, 2),
                        new RestockListingForRefundCommand(TYRE, REFUND, ORDER, 1),
                        new RefundPaymentCommand(PAYMENT, REFUND, PADS_SHARE, AMOUNT, SHARE,
                                RefundDestination.ORIGINAL_PAYMENT));
    }

    @Test
    void aRefundWithoutRestockOrWithoutLinesRestocksNothing() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(approved(List.of(new RefundLine(BRAKE_PADS, 2)), false))
                .expectDispatchedCommands(new RefundPaymentCommand(PAYMENT, REFUND, PADS_SHARE, AMOUNT, SHARE,
                        RefundDestination.ORIGINAL_PAYMENT));
        setUp();
        fixture.givenNoPriorActivity()
                .whenPublishingA(approved(List.of(), true))
                .expectDispatchedCommands(new RefundPaymentCommand(PAYMENT, REFUND, PADS_SHARE, AMOUNT, SHARE,
                        RefundDestination.ORIGINAL_PAYMENT));
    }

    @Test
    void aListingThatCannotBeRestockedIsSkippedAndTheRefundGoesOn() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof RestockListingForRefundCommand restock && restock.listingId().equals(BRAKE_PADS)) {
                throw new CommandExecutionException("Listing is SOLD", null, new DomainError(
                        DomainRuleViolation.Kind.CONFLICT, "ILLEGAL_STATE_TRANSITION", "Listing is SOLD"));
            }
            return null;
        });
        fixture.givenNoPriorActivity()
                .whenPublishingA(approved(List.of(new RefundLine(BRAKE_PADS, 2), new RefundLine(TYRE, 1)), true))
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new RestockListingForRefundCommand(BRAKE_PADS, REFUND, ORDER, 2),
                        new RestockListingForRefundCommand(TYRE, REFUND, ORDER, 1),
                        new RefundPaymentCommand(PAYMENT, REFUND, PADS_SHARE, AMOUNT, SHARE,
                                RefundDestination.ORIGINAL_PAYMENT));
    }

    private static RefundApprovedEvent approved(List<RefundLine> lines, boolean restock) {
        return new RefundApprovedEvent(REFUND, PADS_SHARE, ORDER, CAIRO_PARTS, CUSTOMER, PAYMENT, AMOUNT, SHARE,
                AMOUNT, lines, RefundDestination.ORIGINAL_PAYMENT, restock, false, "staff", "cracked");
    }

    private static RefundApprovedEvent approved(RefundDestination destination) {
        return new RefundApprovedEvent(REFUND, PADS_SHARE, ORDER, CAIRO_PARTS, CUSTOMER, PAYMENT, AMOUNT, SHARE,
                AMOUNT, List.of(), destination, false, false, "staff", "cracked");
    }

    private static PaymentRefundRequestedEvent requested(PaymentProvider provider, RefundDestination destination) {
        return new PaymentRefundRequestedEvent(PAYMENT, REFUND, ORDER, PADS_SHARE, CUSTOMER, provider, "pi_1", AMOUNT,
                AMOUNT, destination);
    }

    private static PaymentRefundedEvent refunded(PaymentProvider provider, RefundDestination destination) {
        return new PaymentRefundedEvent(PAYMENT, REFUND, ORDER, PADS_SHARE, CUSTOMER, provider, destination, AMOUNT,
                "re_1");
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

    /** A Stripe gateway answering refunds as scripted: null means unreachable. */
    private static final class ScriptedGateway implements PaymentGateway {

        private final List<RefundOutcome> answers = new ArrayList<>();

        @Override
        public PaymentProvider provider() {
            return PaymentProvider.STRIPE;
        }

        @Override
        public AuthorizationOutcome authorize(Authorization authorization) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CaptureOutcome capture(Capture capture) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CancellationOutcome cancel(Cancellation cancellation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RefundOutcome refund(Refund refund) {
            RefundOutcome answer = answers.remove(0);
            if (answer == null) {
                throw new ProviderUnavailableException("connection refused");
            }
            return answer;
        }
    }
}
