package com.souq.commerce.wallet.command;

import static com.souq.commerce.wallet.command.WalletFixture.MONA;
import static com.souq.commerce.wallet.command.WalletFixture.WALLET;
import static com.souq.commerce.wallet.command.WalletFixture.egp;
import static com.souq.commerce.wallet.command.WalletFixture.heldForOrder;
import static com.souq.commerce.wallet.command.WalletFixture.opened;
import static com.souq.commerce.wallet.command.WalletFixture.toppedUp;

import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.wallet.api.PayoutFailedEvent;
import com.souq.commerce.wallet.api.PayoutId;
import com.souq.commerce.wallet.api.PayoutPaidEvent;
import com.souq.commerce.wallet.api.PayoutRequestedEvent;
import com.souq.commerce.wallet.api.PayoutSubmittedEvent;
import com.souq.commerce.wallet.api.RecordPayoutOutcomeCommand;
import com.souq.commerce.wallet.api.RecordPayoutSubmittedCommand;
import com.souq.commerce.wallet.api.RequestPayoutCommand;
import com.souq.commerce.wallet.api.WalletFundsHeldEvent;
import com.souq.commerce.wallet.api.WalletHoldCapturedEvent;
import com.souq.commerce.wallet.api.WalletHoldReleasedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Payouts from a wallet of 500.00 of which 200.00 are held for an order: 300.00 are available. */
class WalletPayoutTest {

    private static final PayoutId PAYOUT = PayoutId.of("bbbbbbbb-0000-4000-8000-000000000001");
    private static final String SANDBOX = "sandbox-succeed";

    private FixtureConfiguration<Wallet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Wallet.class);
    }

    @Test
    void aPayoutHoldsItsAmountAtOnce() {
        fixture.given(opened(), toppedUp(), heldForOrder())
                .when(request(egp(300_00)))
                .expectEvents(new WalletFundsHeldEvent(WALLET, MONA, PAYOUT.holdTransactionId(), egp(300_00),
                                Operations.payout(PAYOUT), egp(500_00), egp(0)),
                        requested(egp(300_00)));
    }

    @Test
    void anOverdraftIsRefusedAndWritesNothing() {
        fixture.given(opened(), toppedUp())
                .when(request(egp(500_01)))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void heldMoneyIsNotPaidOut() {
        fixture.given(opened(), toppedUp(), heldForOrder())
                .when(request(egp(300_01)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Wallet " + WALLET + " has 300.00 EGP available (200.00 EGP of its "
                        + "500.00 EGP held): a payout of 300.01 EGP is refused")
                .expectNoEvents();
    }

    @Test
    void anEmptyWalletPaysNothingOut() {
        fixture.givenNoPriorActivity()
                .when(request(egp(1_00)))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theSamePayoutAgainChangesNothing() {
        fixture.given(opened(), toppedUp(), held(egp(100_00)), requested(egp(100_00)))
                .when(request(egp(100_00)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPaidPayoutCapturesItsHoldUnderItsJournalEntrysId() {
        String capture = JournalEntryId.forOperation(Operations.payout(PAYOUT)).value();
        fixture.given(opened(), toppedUp(), held(egp(100_00)), requested(egp(100_00)),
                        new PayoutSubmittedEvent(WALLET, MONA, PAYOUT, egp(100_00), "sandbox_payout_1"))
                .when(new RecordPayoutOutcomeCommand(WALLET, PAYOUT, true, null))
                .expectEvents(new WalletHoldCapturedEvent(WALLET, MONA, capture, PAYOUT.holdTransactionId(),
                                egp(100_00), Operations.payout(PAYOUT), egp(400_00), egp(400_00)),
                        new PayoutPaidEvent(WALLET, MONA, PAYOUT, egp(100_00), "sandbox_payout_1", capture));
    }

    @Test
    void aFailedPayoutReleasesItsHold() {
        fixture.given(opened(), toppedUp(), held(egp(100_00)), requested(egp(100_00)))
                .when(new RecordPayoutOutcomeCommand(WALLET, PAYOUT, false, "account_closed"))
                .expectEvents(new WalletHoldReleasedEvent(WALLET, MONA, PAYOUT.releaseTransactionId(),
                                PAYOUT.holdTransactionId(), egp(100_00), egp(500_00), egp(500_00)),
                        new PayoutFailedEvent(WALLET, MONA, PAYOUT, egp(100_00), null, "account_closed"));
    }

    @Test
    void anOutcomeIsRecordedOnce() {
        String capture = JournalEntryId.forOperation(Operations.payout(PAYOUT)).value();
        fixture.given(opened(), toppedUp(), held(egp(100_00)), requested(egp(100_00)),
                        new WalletHoldCapturedEvent(WALLET, MONA, capture, PAYOUT.holdTransactionId(), egp(100_00),
                                Operations.payout(PAYOUT), egp(400_00), egp(400_00)),
                        new PayoutPaidEvent(WALLET, MONA, PAYOUT, egp(100_00), null, capture))
                .when(new RecordPayoutOutcomeCommand(WALLET, PAYOUT, false, "late failure"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theProvidersAcceptanceIsRecorded() {
        fixture.given(opened(), toppedUp(), held(egp(100_00)), requested(egp(100_00)))
                .when(new RecordPayoutSubmittedCommand(WALLET, PAYOUT, "sandbox_payout_1"))
                .expectEvents(new PayoutSubmittedEvent(WALLET, MONA, PAYOUT, egp(100_00), "sandbox_payout_1"));
    }

    private static RequestPayoutCommand request(Money amount) {
        return RequestPayoutCommand.of(MONA, PAYOUT, amount, SANDBOX, "staff-1");
    }

    private static WalletFundsHeldEvent held(Money amount) {
        return new WalletFundsHeldEvent(WALLET, MONA, PAYOUT.holdTransactionId(), amount, Operations.payout(PAYOUT),
                egp(500_00), egp(500_00 - amount.minorUnits()));
    }

    private static PayoutRequestedEvent requested(Money amount) {
        return new PayoutRequestedEvent(WALLET, MONA, PAYOUT, amount, SANDBOX, "staff-1");
    }
}
