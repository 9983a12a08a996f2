package com.souq.commerce.saga.payment;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.payment.api.PaymentAuthorizedEvent;
import com.souq.commerce.payment.api.PaymentCancelledEvent;
import com.souq.commerce.payment.api.PaymentCaptureRequestedEvent;
import com.souq.commerce.payment.api.PaymentFailedEvent;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentRequestedEvent;
import com.souq.commerce.payment.api.RecordPaymentAuthorizationCommand;
import com.souq.commerce.payment.api.RecordPaymentCaptureCommand;
import com.souq.commerce.payment.api.RecordPaymentFailureCommand;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.wallet.api.CaptureWalletHoldCommand;
import com.souq.commerce.wallet.api.HoldWalletFundsCommand;
import com.souq.commerce.wallet.api.ReleaseWalletHoldCommand;
import com.souq.commerce.wallet.api.WalletId;
import com.souq.commerce.wallet.api.WalletOwner;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A payment of 1,000.00 with 300.00 from the customer's wallet and the rest by card, and one by the wallet alone:
 * the wallet's part is held before the provider is asked, captured with the payment, released when it ends without.
 */
class PaymentFromWalletProcessTest {

    private static final OrderId ORDER = OrderId.of("0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e");
    private static final PaymentId PAYMENT = PaymentId.forOrder(ORDER);
    private static final String CUSTOMER = "customer-heliopolis";
    private static final WalletOwner MONA = WalletOwner.customer(CUSTOMER);
    private static final Money TOTAL = egp(1_000_00);
    private static final Money FROM_WALLET = egp(300_00);
    private static final WalletId WALLET = WalletId.of(MONA, TOTAL.currency());
    private static final String INTENT = "pi_3PzY0aLkdIwHu7ix0mXkVb2c";
    private static final PaymentInstruction SPLIT = new PaymentInstruction(PaymentProvider.STRIPE, "pm_card_visa",
            FROM_WALLET);
    private static final String WALLET_REFERENCE = "wallet:" + PAYMENT.walletHoldTransactionId();

    private SagaTestFixture<PaymentProcess> fixture;
    private PaymentGateway stripe;
    private boolean walletCovers;

    @BeforeEach
    void setUp() {
        stripe = mock(PaymentGateway.class);
        when(stripe.provider()).thenReturn(PaymentProvider.STRIPE);
        walletCovers = true;
        fixture = new SagaTestFixture<>(PaymentProcess.class);
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.registerResource(new PaymentGateways(List.of(stripe)));
        fixture.setCallbackBehavior((command, metaData) -> command instanceof HoldWalletFundsCommand
                ? walletCovers : null);
    }

    @Test
    void theWalletsPartIsHeldThenTheProviderAuthorizesTheRest() {
        when(stripe.authorize(any())).thenReturn(new AuthorizationOutcome.Authorized(INTENT, egp(700_00)));
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(SPLIT))
                .expectDispatchedCommands(hold(FROM_WALLET),
                        new RecordPaymentAuthorizationCommand(PAYMENT, INTENT, egp(700_00)));
        verify(stripe).authorize(new PaymentGateway.Authorization(PAYMENT, ORDER, egp(700_00), "pm_card_visa"));
    }

    @Test
    void aRedeliveredRequestHoldsNothingMore() {
        when(stripe.authorize(any())).thenReturn(new AuthorizationOutcome.Authorized(INTENT, egp(700_00)));
        fixture.givenAPublished(requested(SPLIT))
                .whenPublishingA(requested(SPLIT))
                .expectDispatchedCommands(new RecordPaymentAuthorizationCommand(PAYMENT, INTENT, egp(700_00)));
    }

    @Test
    void aWalletThatNoLongerCoversItsPartFailsThePaymentAndTheProviderIsNeverAsked() {
        walletCovers = false;
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(SPLIT))
                .expectDispatchedCommands(hold(FROM_WALLET), new RecordPaymentFailureCommand(PAYMENT, null,
                        "INSUFFICIENT_FUNDS: the customer's wallet does not cover 300.00 EGP"));
        verify(stripe, never()).authorize(any());
    }

    @Test
    void aFailedCardPartReleasesTheWalletsHold() {
        when(stripe.authorize(any())).thenReturn(new AuthorizationOutcome.Declined(INTENT, "card_declined"));
        when(stripe.cancel(any())).thenReturn(new CancellationOutcome.Voided(INTENT));
        fixture.givenAPublished(requested(SPLIT))
                .whenPublishingA(new PaymentFailedEvent(PAYMENT, ORDER, PaymentProvider.STRIPE, INTENT,
                        "card_declined"))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new ReleaseWalletHoldCommand(WALLET, PAYMENT.walletReleaseTransactionId(),
                        PAYMENT.walletHoldTransactionId()));
    }

    @Test
    void theCaptureTakesTheProvidersPartThenTheWalletsHold() {
        when(stripe.authorize(any())).thenReturn(new AuthorizationOutcome.Authorized(INTENT, egp(700_00)));
        when(stripe.capture(any())).thenReturn(new CaptureOutcome.Captured(INTENT, egp(700_00)));
        fixture.givenAPublished(requested(SPLIT))
                .andThenAPublished(new PaymentAuthorizedEvent(PAYMENT, ORDER, PaymentProvider.STRIPE, INTENT, TOTAL))
                .whenPublishingA(new PaymentCaptureRequestedEvent(PAYMENT, ORDER, PaymentProvider.STRIPE, INTENT,
                        TOTAL))
                .expectDispatchedCommands(new CaptureWalletHoldCommand(WALLET, PAYMENT.walletCaptureTransactionId(),
                                PAYMENT.walletHoldTransactionId(), FROM_WALLET, "payment:" + PAYMENT),
                        new RecordPaymentCaptureCommand(PAYMENT, INTENT, egp(700_00)));
        verify(stripe).capture(new PaymentGateway.Capture(PAYMENT, INTENT, egp(700_00)));
    }

    @Test
    void theWalletAloneIsAuthorizedAndCapturedWithoutAProvider() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(PaymentInstruction.wallet()))
                .expectDispatchedCommands(hold(TOTAL),
                        new RecordPaymentAuthorizationCommand(PAYMENT, WALLET_REFERENCE, egp(0)));
        fixture.givenAPublished(requested(PaymentInstruction.wallet()))
                .whenPublishingA(new PaymentCaptureRequestedEvent(PAYMENT, ORDER, PaymentProvider.WALLET,
                        WALLET_REFERENCE, TOTAL))
                .expectDispatchedCommands(new CaptureWalletHoldCommand(WALLET, PAYMENT.walletCaptureTransactionId(),
                                PAYMENT.walletHoldTransactionId(), TOTAL, "payment:" + PAYMENT),
                        new RecordPaymentCaptureCommand(PAYMENT, WALLET_REFERENCE, egp(0)));
        verify(stripe, never()).authorize(any());
    }

    @Test
    void aCancelledWalletPaymentReleasesItsHoldAndEndsWithoutAProvider() {
        fixture.givenAPublished(requested(PaymentInstruction.wallet()))
                .whenPublishingA(new PaymentCancelledEvent(PAYMENT, ORDER, PaymentProvider.WALLET, WALLET_REFERENCE,
                        "Order cancelled"))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new ReleaseWalletHoldCommand(WALLET, PAYMENT.walletReleaseTransactionId(),
                        PAYMENT.walletHoldTransactionId()));
        verify(stripe, never()).cancel(any());
    }

    private static PaymentRequestedEvent requested(PaymentInstruction instruction) {
        return new PaymentRequestedEvent(PAYMENT, ORDER, CUSTOMER, TOTAL, instruction);
    }

    private static HoldWalletFundsCommand hold(Money amount) {
        return HoldWalletFundsCommand.of(MONA, PAYMENT.walletHoldTransactionId(), amount, "payment:" + PAYMENT);
    }

    private static Money egp(long minorUnits) {
        return Money.of(minorUnits, "EGP");
    }
}
