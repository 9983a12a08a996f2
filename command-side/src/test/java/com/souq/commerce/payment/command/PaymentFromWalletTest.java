package com.souq.commerce.payment.command;

import static com.souq.commerce.payment.command.PaymentFixture.CUSTOMER;
import static com.souq.commerce.payment.command.PaymentFixture.ORDER;
import static com.souq.commerce.payment.command.PaymentFixture.PAYMENT;

import com.souq.commerce.order.api.RefundDestination;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.payment.api.CapturePaymentCommand;
import com.souq.commerce.payment.api.PaymentAuthorizedEvent;
import com.souq.commerce.payment.api.PaymentCaptureRequestedEvent;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentFailedEvent;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentRefundRequestedEvent;
import com.souq.commerce.payment.api.PaymentRequestedEvent;
import com.souq.commerce.payment.api.RecordPaymentAuthorizationCommand;
import com.souq.commerce.payment.api.RecordPaymentCaptureCommand;
import com.souq.commerce.payment.api.RefundPaymentCommand;
import com.souq.commerce.payment.api.RequestPaymentCommand;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An order of 1,000.00 paid 300.00 from the customer's wallet and 700.00 by sandbox card, and one paid by the wallet
 * alone: the provider authorizes and captures only its part; the capture records both; refunds never take more back
 * from the provider than it captured.
 */
class PaymentFromWalletTest {

    private static final Money TOTAL = egp(1_000_00);
    private static final PaymentInstruction SPLIT = new PaymentInstruction(PaymentProvider.SANDBOX, "approve",
            egp(300_00));
    private static final String REFERENCE = "sandbox_" + PAYMENT;
    private static final String WALLET_REFERENCE = "wallet:" + PAYMENT.walletHoldTransactionId();
    private static final VendorOrderId SHARE = VendorOrderId.of("5d1c8a34-6b7e-4f43-9a43-0d7c1c2b9a11");
    private static final RefundId FIRST = RefundId.of("aaaaaaaa-0000-4000-8000-000000000001");
    private static final RefundId SECOND = RefundId.of("aaaaaaaa-0000-4000-8000-000000000002");

    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    @Test
    void aWalletPartOfTheWholeAmountOrMoreIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestPaymentCommand(PAYMENT, ORDER, CUSTOMER, egp(300_00), SPLIT))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theProviderAuthorizesItsPartOnly() {
        fixture.given(requested(SPLIT))
                .when(new RecordPaymentAuthorizationCommand(PAYMENT, REFERENCE, egp(700_00)))
                .expectEvents(new PaymentAuthorizedEvent(PAYMENT, ORDER, PaymentProvider.SANDBOX, REFERENCE, TOTAL));
    }

    @Test
    void anAuthorizationOfTheWholeAmountIsAMismatch() {
        fixture.given(requested(SPLIT))
                .when(new RecordPaymentAuthorizationCommand(PAYMENT, REFERENCE, TOTAL))
                .expectEvents(new PaymentFailedEvent(PAYMENT, ORDER, PaymentProvider.SANDBOX, REFERENCE,
                        "AMOUNT_MISMATCH: the provider holds 1000.00 EGP of 700.00 EGP"));
    }

    @Test
    void theCaptureRecordsTheProvidersPartAndTheWalletsPart() {
        fixture.given(requested(SPLIT), authorized(PaymentProvider.SANDBOX, REFERENCE),
                        captureRequested(PaymentProvider.SANDBOX, REFERENCE))
                .when(new RecordPaymentCaptureCommand(PAYMENT, REFERENCE, egp(700_00)))
                .expectEvents(new PaymentCapturedEvent(PAYMENT, ORDER, CUSTOMER, PaymentProvider.SANDBOX, REFERENCE,
                        TOTAL, egp(300_00)));
    }

    @Test
    void theWalletAloneIsAuthorizedAndCapturedForNothingAtAnyProvider() {
        fixture.given(requested(PaymentInstruction.wallet()))
                .when(new RecordPaymentAuthorizationCommand(PAYMENT, WALLET_REFERENCE, egp(0)))
                .expectEvents(authorized(PaymentProvider.WALLET, WALLET_REFERENCE));
        fixture.given(requested(PaymentInstruction.wallet()), authorized(PaymentProvider.WALLET, WALLET_REFERENCE))
                .when(new CapturePaymentCommand(PAYMENT))
                .expectEvents(captureRequested(PaymentProvider.WALLET, WALLET_REFERENCE));
    }

    @Test
    void aRefundBeyondWhatTheProviderCapturedGoesToTheWallet() {
        fixture.given(requested(SPLIT), authorized(PaymentProvider.SANDBOX, REFERENCE),
                        captureRequested(PaymentProvider.SANDBOX, REFERENCE), captured(PaymentProvider.SANDBOX),
                        refundRequested(FIRST, egp(600_00), egp(600_00), RefundDestination.ORIGINAL_PAYMENT))
                .when(new RefundPaymentCommand(PAYMENT, SECOND, SHARE, egp(200_00),
                        TOTAL, RefundDestination.ORIGINAL_PAYMENT))
                .expectEvents(refundRequested(SECOND, egp(200_00), egp(800_00), RefundDestination.CUSTOMER_WALLET));
    }

    @Test
    void aRefundOfAPaymentByTheWalletAloneGoesToTheWalletAndMayBeAskedAgain() {
        fixture.given(requested(PaymentInstruction.wallet()), authorized(PaymentProvider.WALLET, WALLET_REFERENCE),
                        captureRequested(PaymentProvider.WALLET, WALLET_REFERENCE), captured(PaymentProvider.WALLET))
                .when(new RefundPaymentCommand(PAYMENT, FIRST, SHARE, egp(100_00), TOTAL,
                        RefundDestination.ORIGINAL_PAYMENT))
                .expectEvents(new PaymentRefundRequestedEvent(PAYMENT, FIRST, ORDER, SHARE, CUSTOMER,
                        PaymentProvider.WALLET, WALLET_REFERENCE, egp(100_00), egp(100_00),
                        RefundDestination.CUSTOMER_WALLET));
    }

    private static PaymentRequestedEvent requested(PaymentInstruction instruction) {
        return new PaymentRequestedEvent(PAYMENT, ORDER, CUSTOMER, TOTAL, instruction);
    }

    private static PaymentAuthorizedEvent authorized(PaymentProvider provider, String reference) {
        return new PaymentAuthorizedEvent(PAYMENT, ORDER, provider, reference, TOTAL);
    }

    private static PaymentCaptureRequestedEvent captureRequested(PaymentProvider provider, String reference) {
        return new PaymentCaptureRequestedEvent(PAYMENT, ORDER, provider, reference, TOTAL);
    }

    private static PaymentCapturedEvent captured(PaymentProvider provider) {
        return new PaymentCapturedEvent(PAYMENT, ORDER, CUSTOMER, provider, provider == PaymentProvider.WALLET
                ? WALLET_REFERENCE : REFERENCE, TOTAL, provider == PaymentProvider.WALLET ? TOTAL : egp(300_00));
    }

    private static PaymentRefundRequestedEvent refundRequested(RefundId id, Money amount, Money refundedTotal,
                                                               RefundDestination destination) {
        return new PaymentRefundRequestedEvent(PAYMENT, id, ORDER, SHARE, CUSTOMER, PaymentProvider.SANDBOX,
                REFERENCE, amount, refundedTotal, destination);
    }

    private static Money egp(long minorUnits) {
        return Money.of(minorUnits, "EGP");
    }
}
