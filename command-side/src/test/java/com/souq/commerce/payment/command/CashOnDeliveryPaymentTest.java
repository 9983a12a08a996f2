package com.souq.commerce.payment.command;

import static com.souq.commerce.payment.command.PaymentFixture.CUSTOMER;
import static com.souq.commerce.payment.command.PaymentFixture.ORDER;
import static com.souq.commerce.payment.command.PaymentFixture.PAYMENT;

import com.souq.commerce.payment.api.CaptureCashOnDeliveryCommand;
import com.souq.commerce.payment.api.CapturePaymentCommand;
import com.souq.commerce.payment.api.PaymentAuthorizedEvent;
import com.souq.commerce.payment.api.PaymentCancelledEvent;
import com.souq.commerce.payment.api.PaymentCaptureRequestedEvent;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentMethodRules;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentRequestedEvent;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CashOnDeliveryPaymentTest {

    private static final Money DUE = Money.of(1_140_00, "EGP");
    private static final String REFERENCE = "cod_" + PAYMENT.value();
    private static final PaymentProvider COD = PaymentProvider.CASH_ON_DELIVERY;

    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    @Test
    void capturesWhatTheCouriersCollected() {
        fixture.given(requested(), authorized())
                .when(new CaptureCashOnDeliveryCommand(PAYMENT, Money.of(800_00, "EGP")))
                .expectEvents(new PaymentCaptureRequestedEvent(PAYMENT, ORDER, COD, REFERENCE, Money.of(800_00, "EGP")));
    }

    @Test
    void nothingDeliveredCancelsThePaymentAndMovesNoMoney() {
        fixture.given(requested(), authorized())
                .when(new CaptureCashOnDeliveryCommand(PAYMENT, Money.of(0, "EGP")))
                .expectEvents(new PaymentCancelledEvent(PAYMENT, ORDER, COD, REFERENCE,
                        "Nothing was delivered: no cash was collected"));
    }

    @Test
    void refusesToCollectMoreThanPromisedOrAnotherCurrency() {
        fixture.given(requested(), authorized())
                .when(new CaptureCashOnDeliveryCommand(PAYMENT, Money.of(1_140_01, "EGP")))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
        fixture.given(requested(), authorized())
                .when(new CaptureCashOnDeliveryCommand(PAYMENT, Money.of(100_00, "SAR")))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void collectingTwiceChangesNothing() {
        fixture.given(requested(), authorized(),
                        new PaymentCaptureRequestedEvent(PAYMENT, ORDER, COD, REFERENCE, DUE))
                .when(new CaptureCashOnDeliveryCommand(PAYMENT, DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCardPaymentIsNeverCapturedAsCash() {
        fixture.given(PaymentFixture.authorized())
                .when(new CaptureCashOnDeliveryCommand(PAYMENT, Money.of(1_00, "EGP")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void checkoutsCaptureStillTakesTheWholePromiseIfAsked() {
        fixture.given(requested(), authorized())
                .when(new CapturePaymentCommand(PAYMENT))
                .expectEvents(new PaymentCaptureRequestedEvent(PAYMENT, ORDER, COD, REFERENCE, DUE));
    }

    private static PaymentRequestedEvent requested() {
        return new PaymentRequestedEvent(PAYMENT, ORDER, CUSTOMER, DUE,
                new PaymentInstruction(COD, PaymentMethodRules.CASH));
    }

    private static PaymentAuthorizedEvent authorized() {
        return new PaymentAuthorizedEvent(PAYMENT, ORDER, COD, REFERENCE, DUE);
    }
}
