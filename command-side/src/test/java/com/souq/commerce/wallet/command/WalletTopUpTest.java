package com.souq.commerce.wallet.command;

import static com.souq.commerce.wallet.command.WalletFixture.MONA;
import static com.souq.commerce.wallet.command.WalletFixture.WALLET;
import static com.souq.commerce.wallet.command.WalletFixture.egp;
import static com.souq.commerce.wallet.command.WalletFixture.opened;
import static com.souq.commerce.wallet.command.WalletFixture.toppedUp;
import static org.hamcrest.Matchers.containsString;

import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.wallet.api.RecordTopUpOutcomeCommand;
import com.souq.commerce.wallet.api.RequestTopUpCommand;
import com.souq.commerce.wallet.api.TopUpCapturedEvent;
import com.souq.commerce.wallet.api.TopUpFailedEvent;
import com.souq.commerce.wallet.api.TopUpId;
import com.souq.commerce.wallet.api.TopUpRequestedEvent;
import com.souq.commerce.wallet.api.WalletDepositedEvent;
import com.souq.commerce.wallet.api.WalletOwner;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Top-ups of Mona's EGP wallet (500.00 in it already) through the sandbox. */
class WalletTopUpTest {

    private static final TopUpId TOP_UP = TopUpId.of("cccccccc-0000-4000-8000-000000000001");
    private static final PaymentInstruction APPROVE = PaymentInstruction.sandbox(PaymentInstruction.SANDBOX_APPROVE);
    private static final String DEPOSIT = JournalEntryId.forOperation(Operations.topUp(TOP_UP)).value();
    private static final String REFERENCE = "sandbox_" + TOP_UP.providerPaymentId();

    private FixtureConfiguration<Wallet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Wallet.class);
    }

    @Test
    void aTopUpRequestOpensTheWalletAndMovesNothing() {
        fixture.givenNoPriorActivity()
                .when(request(egp(1_000_00), APPROVE))
                .expectEvents(opened(), requested(egp(1_000_00)));
    }

    @Test
    void aRepeatedRequestChangesNothingAndOtherContentIsRefused() {
        fixture.given(opened(), requested(egp(1_000_00)))
                .when(request(egp(1_000_00), APPROVE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(opened(), requested(egp(1_000_00)))
                .when(request(egp(999_00), APPROVE))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aTopUpAboveTheLimitIsRefusedWhateverItsSize() {
        fixture.givenNoPriorActivity()
                .when(request(egp(Wallet.MAX_TOP_UP_MINOR + 1), APPROVE))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("at most 1000000.00"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(request(egp(Long.MAX_VALUE), APPROVE))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(request(egp(Wallet.MAX_TOP_UP_MINOR), APPROVE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aMethodThatWaitsForTheShopperOrAnotherProviderIsRefused() {
        fixture.given(opened())
                .when(request(egp(100_00), PaymentInstruction.sandbox(PaymentInstruction.SANDBOX_REQUIRES_ACTION)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("SANDBOX approve or decline"))
                .expectNoEvents();
        fixture.given(opened())
                .when(request(egp(100_00), new PaymentInstruction(PaymentProvider.CASH_ON_DELIVERY, "cash")))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void onlyACustomerTopsUp() {
        WalletOwner vendor = WalletOwner.vendor(VendorId.of("5d1c8a34-6b7e-4f43-9a43-0d7c1c2b9a11"));
        fixture.givenNoPriorActivity()
                .when(RequestTopUpCommand.of(vendor, TOP_UP, egp(100_00), APPROVE, "staff"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aTopUpIsForAPositiveAmount() {
        fixture.givenNoPriorActivity()
                .when(request(egp(0), APPROVE))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aCapturedTopUpIsDepositedOnceUnderItsJournalEntryId() {
        fixture.given(opened(), toppedUp(), requested(egp(1_000_00)))
                .when(new RecordTopUpOutcomeCommand(WALLET, TOP_UP, true, REFERENCE, null))
                .expectEvents(new WalletDepositedEvent(WALLET, MONA, DEPOSIT, egp(1_000_00), Operations.topUp(TOP_UP),
                                egp(1_500_00), egp(1_500_00)),
                        new TopUpCapturedEvent(WALLET, MONA, TOP_UP, egp(1_000_00), PaymentProvider.SANDBOX,
                                REFERENCE, DEPOSIT));
    }

    @Test
    void aSecondOutcomeChangesNothing() {
        fixture.given(opened(), requested(egp(1_000_00)), captured())
                .when(new RecordTopUpOutcomeCommand(WALLET, TOP_UP, true, REFERENCE, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(opened(), requested(egp(1_000_00)), captured())
                .when(new RecordTopUpOutcomeCommand(WALLET, TOP_UP, false, REFERENCE, "late decline"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeclinedTopUpDepositsNothing() {
        fixture.given(opened(), toppedUp(), requested(egp(1_000_00)))
                .when(new RecordTopUpOutcomeCommand(WALLET, TOP_UP, false, REFERENCE, "card_declined"))
                .expectEvents(new TopUpFailedEvent(WALLET, MONA, TOP_UP, egp(1_000_00), PaymentProvider.SANDBOX,
                        REFERENCE, "card_declined"));
    }

    @Test
    void anOutcomeForAnUnknownTopUpChangesNothing() {
        fixture.given(opened(), toppedUp())
                .when(new RecordTopUpOutcomeCommand(WALLET, TOP_UP, true, REFERENCE, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static RequestTopUpCommand request(Money amount, PaymentInstruction instruction) {
        return new RequestTopUpCommand(WALLET, MONA, TOP_UP, amount, instruction, MONA.id());
    }

    private static TopUpRequestedEvent requested(Money amount) {
        return new TopUpRequestedEvent(WALLET, MONA, TOP_UP, amount, APPROVE, MONA.id());
    }

    private static TopUpCapturedEvent captured() {
        return new TopUpCapturedEvent(WALLET, MONA, TOP_UP, egp(1_000_00), PaymentProvider.SANDBOX, REFERENCE,
                DEPOSIT);
    }
}
