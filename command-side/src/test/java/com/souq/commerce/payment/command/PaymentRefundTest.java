package com.souq.commerce.payment.command;

import static com.souq.commerce.payment.command.PaymentFixture.CUSTOMER;
import static com.souq.commerce.payment.command.PaymentFixture.INTENT;
import static com.souq.commerce.payment.command.PaymentFixture.ORDER;
import static com.souq.commerce.payment.command.PaymentFixture.PAYMENT;
import static com.souq.commerce.payment.command.PaymentFixture.authorized;
import static com.souq.commerce.payment.command.PaymentFixture.captured;
import static com.souq.commerce.payment.command.PaymentFixture.with;

import com.souq.commerce.order.api.RefundDestination;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentRefundFailedEvent;
import com.souq.commerce.payment.api.PaymentRefundRequestedEvent;
import com.souq.commerce.payment.api.PaymentRefundedEvent;
import com.souq.commerce.payment.api.RecordPaymentRefundCommand;
import com.souq.commerce.payment.api.RecordPaymentRefundFailureCommand;
import com.souq.commerce.payment.api.RefundPaymentCommand;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refunds of a captured Stripe payment of 6,640.50 EGP, of which one vendor order's share is 855.00 EGP. */
class PaymentRefundTest {

    private static final VendorOrderId SHARE = VendorOrderId.of("5d1c8a34-6b7e-4f43-9a43-0d7c1c2b9a11");
    private static final VendorOrderId OTHER_SHARE = VendorOrderId.of("0b6f4a52-3c55-4f0e-9d7e-5b0f3f1b8a01");
    private static final Money SHARE_TOTAL = egp(855_00);
    private static final RefundId FIRST = RefundId.of("aaaaaaaa-0000-4000-8000-000000000001");
    private static final RefundId SECOND = RefundId.of("aaaaaaaa-0000-4000-8000-000000000002");

    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    @Test
    void aCapturedPaymentRefundsPartOfAShare() {
        fixture.given(captured())
                .when(refund(FIRST, SHARE, egp(300_00), RefundDestination.ORIGINAL_PAYMENT))
                .expectEvents(requested(FIRST, SHARE, egp(300_00), egp(300_00), RefundDestination.ORIGINAL_PAYMENT));
    }

    @Test
    void refundsOfAShareNeverExceedItsCapturedTotal() {
        fixture.given(with(captured(), requested(FIRST, SHARE, egp(600_00), egp(600_00),
                        RefundDestination.ORIGINAL_PAYMENT)))
                .when(refund(SECOND, SHARE, egp(255_01), RefundDestination.ORIGINAL_PAYMENT))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Vendor order " + SHARE + " had 855.00 EGP captured and 600.00 EGP refunded: "
                        + "255.01 EGP more is too much")
                .expectNoEvents();
    }

    @Test
    void theRemainderOfAShareIsRefunded() {
        fixture.given(with(captured(), requested(FIRST, SHARE, egp(600_00), egp(600_00),
                        RefundDestination.ORIGINAL_PAYMENT)))
                .when(refund(SECOND, SHARE, egp(255_00), RefundDestination.CUSTOMER_WALLET))
                .expectEvents(requested(SECOND, SHARE, egp(255_00), egp(855_00), RefundDestination.CUSTOMER_WALLET));
    }

    @Test
    void refundsOfThePaymentNeverExceedWhatWasCaptured() {
        fixture.given(captured())
                .when(new RefundPaymentCommand(PAYMENT, FIRST, OTHER_SHARE, egp(6_640_51), egp(7_000_00),
                        RefundDestination.ORIGINAL_PAYMENT))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void onlyACapturedPaymentIsRefunded() {
        fixture.given(authorized())
                .when(refund(FIRST, SHARE, egp(300_00), RefundDestination.ORIGINAL_PAYMENT))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aRefundInAnotherCurrencyIsRefused() {
        fixture.given(captured())
                .when(refund(FIRST, SHARE, Money.of(300_00, "SAR"), RefundDestination.ORIGINAL_PAYMENT))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theSameRefundAgainChangesNothing() {
        fixture.given(with(captured(), requested(FIRST, SHARE, egp(300_00), egp(300_00),
                        RefundDestination.ORIGINAL_PAYMENT)))
                .when(refund(FIRST, SHARE, egp(300_00), RefundDestination.ORIGINAL_PAYMENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theProviderConfirmsTheRefundOnce() {
        List<Object> history = with(captured(), requested(FIRST, SHARE, egp(300_00), egp(300_00),
                RefundDestination.ORIGINAL_PAYMENT));
        fixture.given(history)
                .when(new RecordPaymentRefundCommand(PAYMENT, FIRST, "re_1"))
                .expectEvents(refunded(FIRST, RefundDestination.ORIGINAL_PAYMENT, "re_1"));
        fixture.given(with(history, refunded(FIRST, RefundDestination.ORIGINAL_PAYMENT, "re_1")))
                .when(new RecordPaymentRefundCommand(PAYMENT, FIRST, "re_1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRefundTheProviderRefusesGoesToTheCustomersWallet() {
        List<Object> failed = with(with(captured(), requested(FIRST, SHARE, egp(300_00), egp(300_00),
                RefundDestination.ORIGINAL_PAYMENT)), new PaymentRefundFailedEvent(PAYMENT, FIRST, ORDER, SHARE,
                CUSTOMER, PaymentProvider.STRIPE, egp(300_00), "charge_disputed"));
        fixture.given(with(captured(), requested(FIRST, SHARE, egp(300_00), egp(300_00),
                        RefundDestination.ORIGINAL_PAYMENT)))
                .when(new RecordPaymentRefundFailureCommand(PAYMENT, FIRST, "charge_disputed"))
                .expectEvents(failed.get(failed.size() - 1));
        fixture.given(failed)
                .when(new RecordPaymentRefundCommand(PAYMENT, FIRST, "customer-wallet"))
                .expectEvents(refunded(FIRST, RefundDestination.CUSTOMER_WALLET, "customer-wallet"));
    }

    private static RefundPaymentCommand refund(RefundId id, VendorOrderId share, Money amount,
                                               RefundDestination destination) {
        return new RefundPaymentCommand(PAYMENT, id, share, amount, SHARE_TOTAL, destination);
    }

    private static PaymentRefundRequestedEvent requested(RefundId id, VendorOrderId share, Money amount,
                                                         Money refundedTotal, RefundDestination destination) {
        return new PaymentRefundRequestedEvent(PAYMENT, id, ORDER, share, CUSTOMER, PaymentProvider.STRIPE, INTENT,
                amount, refundedTotal, destination);
    }

    private static PaymentRefundedEvent refunded(RefundId id, RefundDestination destination, String reference) {
        return new PaymentRefundedEvent(PAYMENT, id, ORDER, SHARE, CUSTOMER, PaymentProvider.STRIPE, destination,
                egp(300_00), reference);
    }

    private static Money egp(long minorUnits) {
        return Money.of(minorUnits, "EGP");
    }
}
