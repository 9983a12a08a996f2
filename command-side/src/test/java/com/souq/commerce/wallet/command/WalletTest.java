package com.souq.commerce.wallet.command;

import static com.souq.commerce.wallet.command.WalletFixture.EGP;
import static com.souq.commerce.wallet.command.WalletFixture.MONA;
import static com.souq.commerce.wallet.command.WalletFixture.ORDER_HOLD;
import static com.souq.commerce.wallet.command.WalletFixture.TOP_UP;
import static com.souq.commerce.wallet.command.WalletFixture.WALLET;
import static com.souq.commerce.wallet.command.WalletFixture.egp;
import static com.souq.commerce.wallet.command.WalletFixture.heldForOrder;
import static com.souq.commerce.wallet.command.WalletFixture.opened;
import static com.souq.commerce.wallet.command.WalletFixture.refused;
import static com.souq.commerce.wallet.command.WalletFixture.toppedUp;

import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.wallet.api.CaptureWalletHoldCommand;
import com.souq.commerce.wallet.api.DepositToWalletCommand;
import com.souq.commerce.wallet.api.HoldWalletFundsCommand;
import com.souq.commerce.wallet.api.MovementType;
import com.souq.commerce.wallet.api.ReleaseWalletHoldCommand;
import com.souq.commerce.wallet.api.WalletDepositedEvent;
import com.souq.commerce.wallet.api.WalletFundsHeldEvent;
import com.souq.commerce.wallet.api.WalletHoldCapturedEvent;
import com.souq.commerce.wallet.api.WalletHoldReleasedEvent;
import com.souq.commerce.wallet.api.WalletId;
import com.souq.commerce.wallet.api.WalletMovementRefusedEvent;
import com.souq.commerce.wallet.api.WalletOpenedEvent;
import com.souq.commerce.wallet.api.WalletOwner;
import com.souq.commerce.wallet.api.WalletWithdrawnEvent;
import com.souq.commerce.wallet.api.WithdrawFromWalletCommand;
import java.util.Currency;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WalletTest {

    private FixtureConfiguration<Wallet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Wallet.class);
    }

    @Test
    void theFirstDepositOpensTheWallet() {
        fixture.givenNoPriorActivity()
                .when(DepositToWalletCommand.of(MONA, TOP_UP, egp(500_00), "card top-up"))
                .expectEvents(opened(), toppedUp());
    }

    @Test
    void depositsAddUp() {
        fixture.given(opened(), toppedUp())
                .when(DepositToWalletCommand.of(MONA, "top-up-2", egp(25_50), "card top-up"))
                .expectEvents(new WalletDepositedEvent(WALLET, MONA, "top-up-2", egp(25_50), "card top-up",
                        egp(525_50), egp(525_50)));
    }

    @Test
    void aVendorsEarningsAreDepositedUnderTheReleaseEntry() {
        WalletOwner cairoParts = WalletOwner.vendor(VendorId.of("5d1c8a34-6b7e-4f43-9a43-0d7c1c2b9a11"));
        WalletId wallet = WalletId.of(cairoParts, EGP);
        fixture.givenNoPriorActivity()
                .when(DepositToWalletCommand.of(cairoParts, "release-entry-1", egp(750_12), "release:share"))
                .expectEvents(new WalletOpenedEvent(wallet, cairoParts, EGP),
                        new WalletDepositedEvent(wallet, cairoParts, "release-entry-1", egp(750_12), "release:share",
                                egp(750_12), egp(750_12)));
    }

    @Test
    void repeatingATransactionChangesNothing() {
        fixture.given(opened(), toppedUp())
                .when(DepositToWalletCommand.of(MONA, TOP_UP, egp(500_00), "card top-up (retried)"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(opened(), toppedUp(), heldForOrder())
                .when(HoldWalletFundsCommand.of(MONA, ORDER_HOLD, egp(200_00), "order 1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesATransactionIdReusedWithOtherContent() {
        fixture.given(opened(), toppedUp())
                .when(DepositToWalletCommand.of(MONA, TOP_UP, egp(400_00), "card top-up"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Transaction top-up-1 was decided with other content")
                .expectNoEvents();
        fixture.given(opened(), toppedUp())
                .when(WithdrawFromWalletCommand.of(MONA, TOP_UP, egp(500_00), "to bank"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesNothingOrLess() {
        fixture.givenNoPriorActivity()
                .when(DepositToWalletCommand.of(MONA, TOP_UP, egp(0), "nothing"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
        fixture.given(opened(), toppedUp())
                .when(WithdrawFromWalletCommand.of(MONA, "w-1", egp(-1_00), "less"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnotherCurrency() {
        fixture.given(opened(), toppedUp())
                .when(new DepositToWalletCommand(WALLET, MONA, "top-up-sar", Money.of(100_00, "SAR"), "wrong wallet"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Wallet " + WALLET + " holds EGP, not SAR")
                .expectNoEvents();
        fixture.given(opened(), toppedUp(), heldForOrder())
                .when(new CaptureWalletHoldCommand(WALLET, "capture-1", ORDER_HOLD, Money.of(100_00, "SAR"), "x"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesToOpenAWalletUnderAnIdNotItsOwners() {
        fixture.givenNoPriorActivity()
                .when(new DepositToWalletCommand(WalletId.of(MONA, Currency.getInstance("SAR")), MONA, TOP_UP,
                        egp(10_00), "mismatched"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesAMalformedTransactionId() {
        fixture.givenNoPriorActivity()
                .when(DepositToWalletCommand.of(MONA, "no spaces please", egp(10_00), "x"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void holdsSetMoneyAsideWithoutTakingIt() {
        fixture.given(opened(), toppedUp())
                .when(HoldWalletFundsCommand.of(MONA, ORDER_HOLD, egp(200_00), "order 1"))
                .expectEvents(heldForOrder());
    }

    @Test
    void aHoldAnswersWhetherItStandsAndSoDoesItsRepeat() {
        fixture.given(opened(), toppedUp())
                .when(HoldWalletFundsCommand.of(MONA, ORDER_HOLD, egp(200_00), "order 1"))
                .expectResultMessagePayload(true);
        fixture.given(opened(), toppedUp(), heldForOrder())
                .when(HoldWalletFundsCommand.of(MONA, ORDER_HOLD, egp(200_00), "order 1"))
                .expectNoEvents()
                .expectResultMessagePayload(true);
        fixture.given(opened(), toppedUp(), heldForOrder())
                .when(HoldWalletFundsCommand.of(MONA, "order-hold-2", egp(300_01), "order 2"))
                .expectResultMessagePayload(false);
        fixture.given(opened(), toppedUp(), heldForOrder(), refused("order-hold-2", MovementType.HOLD, null, 300_01,
                        WalletMovementRefusedEvent.INSUFFICIENT_FUNDS, 300_00))
                .when(HoldWalletFundsCommand.of(MONA, "order-hold-2", egp(300_01), "order 2"))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aHoldBeyondTheAvailableBalanceIsRefusedWithAnEvent() {
        fixture.given(opened(), toppedUp(), heldForOrder())
                .when(HoldWalletFundsCommand.of(MONA, "order-hold-2", egp(300_01), "order 2"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(refused("order-hold-2", MovementType.HOLD, null, 300_01,
                        WalletMovementRefusedEvent.INSUFFICIENT_FUNDS, 300_00));
    }

    @Test
    void aHoldOnAWalletNeverUsedOpensItAndIsRefused() {
        fixture.givenNoPriorActivity()
                .when(HoldWalletFundsCommand.of(MONA, ORDER_HOLD, egp(1_00), "order 1"))
                .expectEvents(opened(), new WalletMovementRefusedEvent(WALLET, MONA, ORDER_HOLD, MovementType.HOLD,
                        null, egp(1_00), WalletMovementRefusedEvent.INSUFFICIENT_FUNDS, egp(0)));
    }

    @Test
    void aRefusedTransactionStaysRefusedWhenRepeated() {
        fixture.given(opened(), refused(ORDER_HOLD, MovementType.HOLD, null, 200_00,
                        WalletMovementRefusedEvent.INSUFFICIENT_FUNDS, 0), toppedUp())
                .when(HoldWalletFundsCommand.of(MONA, ORDER_HOLD, egp(200_00), "order 1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void capturingAHoldTakesTheMoney() {
        fixture.given(opened(), toppedUp(), heldForOrder())
                .when(new CaptureWalletHoldCommand(WALLET, "capture-1", ORDER_HOLD, egp(200_00), "order 1 paid"))
                .expectEvents(new WalletHoldCapturedEvent(WALLET, MONA, "capture-1", ORDER_HOLD, egp(200_00),
                        "order 1 paid", egp(300_00), egp(300_00)));
    }

    @Test
    void aHoldIsCapturedInPartsAndTheRestReleased() {
        fixture.given(opened(), toppedUp(), heldForOrder(),
                        new WalletHoldCapturedEvent(WALLET, MONA, "capture-1", ORDER_HOLD, egp(150_00), "part",
                                egp(350_00), egp(300_00)))
                .when(new ReleaseWalletHoldCommand(WALLET, "release-1", ORDER_HOLD))
                .expectEvents(new WalletHoldReleasedEvent(WALLET, MONA, "release-1", ORDER_HOLD, egp(50_00),
                        egp(350_00), egp(350_00)));
    }

    @Test
    void capturingMoreThanTheHoldKeepsIsRefusedWithAnEvent() {
        fixture.given(opened(), toppedUp(), heldForOrder())
                .when(new CaptureWalletHoldCommand(WALLET, "capture-1", ORDER_HOLD, egp(200_01), "too much"))
                .expectEvents(refused("capture-1", MovementType.CAPTURE, ORDER_HOLD, 200_01,
                        WalletMovementRefusedEvent.HOLD_EXCEEDED, 300_00));
    }

    @Test
    void capturingAReleasedHoldIsRefusedWithAnEvent() {
        fixture.given(opened(), toppedUp(), heldForOrder(), new WalletHoldReleasedEvent(WALLET, MONA, "release-1",
                        ORDER_HOLD, egp(200_00), egp(500_00), egp(500_00)))
                .when(new CaptureWalletHoldCommand(WALLET, "capture-1", ORDER_HOLD, egp(200_00), "late"))
                .expectEvents(refused("capture-1", MovementType.CAPTURE, ORDER_HOLD, 200_00,
                        WalletMovementRefusedEvent.HOLD_EXCEEDED, 500_00));
    }

    @Test
    void releasingAHoldWithNothingLeftChangesNothing() {
        fixture.given(opened(), toppedUp(), heldForOrder(), new WalletHoldCapturedEvent(WALLET, MONA, "capture-1",
                        ORDER_HOLD, egp(200_00), "paid", egp(300_00), egp(300_00)))
                .when(new ReleaseWalletHoldCommand(WALLET, "release-1", ORDER_HOLD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void releasingTheSameHoldTwiceChangesNothing() {
        fixture.given(opened(), toppedUp(), heldForOrder(), new WalletHoldReleasedEvent(WALLET, MONA, "release-1",
                        ORDER_HOLD, egp(200_00), egp(500_00), egp(500_00)))
                .when(new ReleaseWalletHoldCommand(WALLET, "release-1", ORDER_HOLD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToCaptureOrReleaseAHoldNeverGranted() {
        fixture.given(opened(), toppedUp())
                .when(new CaptureWalletHoldCommand(WALLET, "capture-1", "no-such-hold", egp(1_00), "x"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
        fixture.given(opened(), toppedUp())
                .when(new ReleaseWalletHoldCommand(WALLET, "release-1", "no-such-hold"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void withdrawsFromTheAvailableBalance() {
        fixture.given(opened(), toppedUp(), heldForOrder())
                .when(WithdrawFromWalletCommand.of(MONA, "withdraw-1", egp(300_00), "to bank"))
                .expectEvents(new WalletWithdrawnEvent(WALLET, MONA, "withdraw-1", egp(300_00), "to bank",
                        egp(200_00), egp(0)));
    }

    @Test
    void anOverdraftIsRefusedWithAnEvent() {
        fixture.given(opened(), toppedUp())
                .when(WithdrawFromWalletCommand.of(MONA, "withdraw-1", egp(500_01), "to bank"))
                .expectEvents(refused("withdraw-1", MovementType.WITHDRAWAL, null, 500_01,
                        WalletMovementRefusedEvent.INSUFFICIENT_FUNDS, 500_00));
    }

    @Test
    void withdrawingHeldMoneyIsRefusedWithAnEvent() {
        fixture.given(opened(), toppedUp(), heldForOrder())
                .when(WithdrawFromWalletCommand.of(MONA, "withdraw-1", egp(300_01), "to bank"))
                .expectEvents(refused("withdraw-1", MovementType.WITHDRAWAL, null, 300_01,
                        WalletMovementRefusedEvent.INSUFFICIENT_FUNDS, 300_00));
    }

    @Test
    void refusesAMovementOfAnotherOwnerOnThisWallet() {
        fixture.given(opened(), toppedUp())
                .when(new WithdrawFromWalletCommand(WALLET, WalletOwner.customer("someone-else"), "withdraw-1",
                        egp(1_00), "not mine"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void heldMoneyIsStillInTheBalanceAndReturnsWhenReleased() {
        fixture.given(opened(), toppedUp(), heldForOrder())
                .when(new ReleaseWalletHoldCommand(WALLET, "release-1", ORDER_HOLD))
                .expectEvents(new WalletHoldReleasedEvent(WALLET, MONA, "release-1", ORDER_HOLD, egp(200_00),
                        egp(500_00), egp(500_00)));
    }

    @Test
    void aSecondHoldFitsInWhatTheFirstLeftAvailable() {
        fixture.given(opened(), toppedUp(), heldForOrder())
                .when(HoldWalletFundsCommand.of(MONA, "order-hold-2", egp(300_00), "order 2"))
                .expectEvents(new WalletFundsHeldEvent(WALLET, MONA, "order-hold-2", egp(300_00), "order 2",
                        egp(500_00), egp(0)));
    }
}
