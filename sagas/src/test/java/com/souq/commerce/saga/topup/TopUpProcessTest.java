package com.souq.commerce.saga.topup;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.ledger.api.PostJournalEntryCommand;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.saga.payment.AuthorizationOutcome;
import com.souq.commerce.saga.payment.CancellationOutcome;
import com.souq.commerce.saga.payment.CaptureOutcome;
import com.souq.commerce.saga.payment.PaymentGateway;
import com.souq.commerce.saga.payment.PaymentGateways;
import com.souq.commerce.saga.payment.ProviderUnavailableException;
import com.souq.commerce.saga.payment.SandboxGateway;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.wallet.api.RecordTopUpOutcomeCommand;
import com.souq.commerce.wallet.api.TopUpCapturedEvent;
import com.souq.commerce.wallet.api.TopUpFailedEvent;
import com.souq.commerce.wallet.api.TopUpId;
import com.souq.commerce.wallet.api.TopUpRequestedEvent;
import com.souq.commerce.wallet.api.WalletId;
import com.souq.commerce.wallet.api.WalletOwner;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopUpProcessTest {

    private static final WalletOwner MONA = WalletOwner.customer("customer-heliopolis");
    private static final Money AMOUNT = Money.of(1_000_00, "EGP");
    private static final WalletId WALLET = WalletId.of(MONA, AMOUNT.currency());
    private static final TopUpId TOP_UP = TopUpId.of("cccccccc-0000-4000-8000-000000000001");
    private static final String REFERENCE = SandboxGateway.referenceOf(TOP_UP.providerPaymentId());

    private SagaTestFixture<TopUpProcess> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(TopUpProcess.class);
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.registerResource(new PaymentGateways(List.of(new SandboxGateway())));
    }

    @Test
    void anApprovedTopUpIsCapturedAndRecordedOnTheWallet() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(PaymentInstruction.SANDBOX_APPROVE))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RecordTopUpOutcomeCommand(WALLET, TOP_UP, true, REFERENCE, null));
    }

    @Test
    void aDeclinedTopUpIsRecordedFailed() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(PaymentInstruction.SANDBOX_DECLINE))
                .expectDispatchedCommands(new RecordTopUpOutcomeCommand(WALLET, TOP_UP, false, REFERENCE,
                        "card_declined: the sandbox declines as asked"));
    }

    @Test
    void aCapturedTopUpPostsProviderClearingToTheCustomerWalletAndEnds() {
        fixture.givenAPublished(requested(PaymentInstruction.SANDBOX_APPROVE))
                .whenPublishingA(new TopUpCapturedEvent(WALLET, MONA, TOP_UP, AMOUNT, PaymentProvider.SANDBOX,
                        REFERENCE, "deposit-id"))
                .expectActiveSagas(0)
                .expectDispatchedCommandsMatching(payloadsMatching(exactSequenceOf(predicate(payload ->
                        payload instanceof PostJournalEntryCommand command
                                && command.operation().equals(Operations.topUp(TOP_UP))
                                && command.entryId().equals(JournalEntryId.forOperation(Operations.topUp(TOP_UP)))
                                && command.references().customerSubject().equals(MONA.id())
                                && command.postings().equals(List.of(
                                        Posting.debit(LedgerAccount.gatewayClearing(PaymentProvider.SANDBOX), AMOUNT),
                                        Posting.credit(LedgerAccount.customerWallet(MONA.id()), AMOUNT)))),
                        andNoMore())));
    }

    @Test
    void aFailedTopUpEndsWithoutPosting() {
        fixture.givenAPublished(requested(PaymentInstruction.SANDBOX_DECLINE))
                .whenPublishingA(new TopUpFailedEvent(WALLET, MONA, TOP_UP, AMOUNT, PaymentProvider.SANDBOX,
                        REFERENCE, "card_declined"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void anUnreachableProviderIsTriedAgainAndCapturedOnce() {
        Flaky flaky = new Flaky(1);
        fixture = new SagaTestFixture<>(TopUpProcess.class);
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.registerResource(new PaymentGateways(List.of(flaky)));
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(PaymentInstruction.SANDBOX_APPROVE))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(TopUpProcess.FIRST_BACKOFF, TopUpProcess.RETRY);
        fixture.whenTimeElapses(TopUpProcess.FIRST_BACKOFF)
                .expectDispatchedCommands(new RecordTopUpOutcomeCommand(WALLET, TOP_UP, true, REFERENCE, null));
    }

    private static TopUpRequestedEvent requested(String method) {
        return new TopUpRequestedEvent(WALLET, MONA, TOP_UP, AMOUNT, PaymentInstruction.sandbox(method), MONA.id());
    }

    /** The sandbox, but its first {@code failures} captures cannot be reached. */
    private static final class Flaky implements PaymentGateway {

        private final SandboxGateway sandbox = new SandboxGateway();
        private int failures;

        Flaky(int failures) {
            this.failures = failures;
        }

        @Override
        public PaymentProvider provider() {
            return PaymentProvider.SANDBOX;
        }

        @Override
        public AuthorizationOutcome authorize(Authorization authorization) {
            return sandbox.authorize(authorization);
        }

        @Override
        public CaptureOutcome capture(Capture capture) {
            if (failures > 0) {
                failures--;
                throw new ProviderUnavailableException("connection refused");
            }
            return sandbox.capture(capture);
        }

        @Override
        public CancellationOutcome cancel(Cancellation cancellation) {
            return sandbox.cancel(cancellation);
        }
    }
}
