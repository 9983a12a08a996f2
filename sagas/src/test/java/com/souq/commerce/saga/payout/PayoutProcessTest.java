package com.souq.commerce.saga.payout;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.ledger.api.PostJournalEntryCommand;
import com.souq.commerce.ledger.api.Posting;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PayoutProcessTest {

    private static final VendorId VENDOR = VendorId.of("5d1c8a34-6b7e-4f43-9a43-0d7c1c2b9a11");
    private static final WalletOwner OWNER = WalletOwner.vendor(VENDOR);
    private static final Money AMOUNT = Money.of(500_00, "EGP");
    private static final WalletId WALLET = WalletId.of(OWNER, AMOUNT.currency());
    private static final PayoutId PAYOUT = PayoutId.of("bbbbbbbb-0000-4000-8000-000000000001");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration FIRST_CHECK = Duration.ofSeconds(2);
    private static final String REFERENCE = "sandbox_payout_" + PAYOUT + "_succeed_" + NOW.toEpochMilli();

    private SagaTestFixture<PayoutProcess> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PayoutProcess.class);
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.registerResource(new SandboxPayouts(Duration.ofSeconds(3), Clock.fixed(NOW, ZoneOffset.UTC)));
        fixture.registerResource(new PayoutSettings(FIRST_CHECK, null));
    }

    @Test
    void aRequestedPayoutIsSubmittedAndItsStatusAskedLater() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(SandboxPayouts.SUCCEED))
                .expectDispatchedCommands(new RecordPayoutSubmittedCommand(WALLET, PAYOUT, REFERENCE))
                .expectScheduledDeadlineWithName(FIRST_CHECK, PayoutProcess.STATUS_CHECK);
    }

    @Test
    void aPendingPayoutIsAskedAgainTwiceAsLate() throws Exception {
        fixture.givenAPublished(requested(SandboxPayouts.SUCCEED))
                .whenTimeElapses(FIRST_CHECK)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(FIRST_CHECK.multipliedBy(2), PayoutProcess.STATUS_CHECK);
    }

    @Test
    void aRefusedPayoutIsRecordedFailed() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(SandboxPayouts.REFUSE))
                .expectDispatchedCommands(new RecordPayoutOutcomeCommand(WALLET, PAYOUT, false,
                        "account_refused: the sandbox refuses as asked"));
    }

    @Test
    void aPaidPayoutMovesTheWalletAccountToPayoutsClearingAndEnds() {
        fixture.givenAPublished(requested(SandboxPayouts.SUCCEED))
                .whenPublishingA(new PayoutPaidEvent(WALLET, OWNER, PAYOUT, AMOUNT, REFERENCE, "capture-1"))
                .expectActiveSagas(0)
                .expectDispatchedCommandsMatching(payloadsMatching(exactSequenceOf(predicate(payload ->
                        payload instanceof PostJournalEntryCommand command
                                && command.operation().equals(Operations.payout(PAYOUT))
                                && command.postings().equals(List.of(
                                        Posting.debit(LedgerAccount.vendorWallet(VENDOR), AMOUNT),
                                        Posting.credit(LedgerAccount.payoutsClearing(), AMOUNT)))), andNoMore())));
    }

    @Test
    void aFailedPayoutEnds() {
        fixture.givenAPublished(requested(SandboxPayouts.FAIL))
                .whenPublishingA(new PayoutFailedEvent(WALLET, OWNER, PAYOUT, AMOUNT, null, "account_closed"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    private static PayoutRequestedEvent requested(String method) {
        return new PayoutRequestedEvent(WALLET, OWNER, PAYOUT, AMOUNT, method, "staff-1");
    }
}
