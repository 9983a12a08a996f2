package com.souq.commerce.saga.cod;

import static com.souq.commerce.saga.OrderFixture.CAIRO_PARTS;
import static com.souq.commerce.saga.OrderFixture.CUSTOMER;
import static com.souq.commerce.saga.OrderFixture.GIZA_TYRES;
import static com.souq.commerce.saga.OrderFixture.HELIOPOLIS;
import static com.souq.commerce.saga.OrderFixture.LINES;
import static com.souq.commerce.saga.OrderFixture.ORDER;
import static com.souq.commerce.saga.OrderFixture.PAYMENT;
import static com.souq.commerce.saga.OrderFixture.TOTALS;

import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.OrderConfirmedForCashOnDeliveryEvent;
import com.souq.commerce.order.api.VendorOrderCancelledEvent;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.order.api.VendorOrderRejectedEvent;
import com.souq.commerce.payment.api.CaptureCashOnDeliveryCommand;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.money.Money;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CashOnDeliverySagaTest {

    private static final VendorOrderId PADS_SHARE = VendorOrderId.of(ORDER, CAIRO_PARTS);
    private static final VendorOrderId TYRES_SHARE = VendorOrderId.of(ORDER, GIZA_TYRES);
    /** 700.00 + 50.00 shipping + 105.00 VAT; 5,000.00 + 50.00 + 707.00 VAT. */
    private static final Money PADS_TOTAL = Money.of(855_00, "EGP");
    private static final Money TYRES_TOTAL = Money.of(5_757_00, "EGP");

    private SagaTestFixture<CashOnDeliverySaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(CashOnDeliverySaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
    }

    private static OrderConfirmedForCashOnDeliveryEvent confirmed() {
        return new OrderConfirmedForCashOnDeliveryEvent(ORDER, CUSTOMER, PAYMENT, TOTALS.grandTotal(), HELIOPOLIS,
                LINES, TOTALS);
    }

    private static VendorOrderDeliveredEvent delivered(VendorOrderId share) {
        return new VendorOrderDeliveredEvent(share, ORDER, share.equals(PADS_SHARE) ? CAIRO_PARTS : GIZA_TYRES);
    }

    @Test
    void nothingIsCapturedWhileAShareIsStillOnItsWay() {
        fixture.givenAPublished(confirmed())
                .whenPublishingA(delivered(PADS_SHARE))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void capturesEveryDeliveredShareOnceTheLastIsDelivered() {
        fixture.givenAPublished(confirmed())
                .andThenAPublished(delivered(PADS_SHARE))
                .whenPublishingA(delivered(TYRES_SHARE))
                .expectDispatchedCommands(new CaptureCashOnDeliveryCommand(PAYMENT, PADS_TOTAL.plus(TYRES_TOTAL)));
    }

    @Test
    void aRejectedShareIsNeverCollected() {
        fixture.givenAPublished(confirmed())
                .andThenAPublished(delivered(PADS_SHARE))
                .whenPublishingA(new VendorOrderRejectedEvent(TYRES_SHARE, ORDER, GIZA_TYRES, "Out of stock",
                        List.of(), TYRES_TOTAL))
                .expectDispatchedCommands(new CaptureCashOnDeliveryCommand(PAYMENT, PADS_TOTAL));
    }

    @Test
    void nothingDeliveredCapturesNothing() {
        fixture.givenAPublished(confirmed())
                .andThenAPublished(cancelled(PADS_SHARE))
                .whenPublishingA(cancelled(TYRES_SHARE))
                .expectDispatchedCommands(new CaptureCashOnDeliveryCommand(PAYMENT, Money.of(0, "EGP")));
    }

    @Test
    void aRedeliveredDeliveryCapturesNothingMore() {
        fixture.givenAPublished(confirmed())
                .andThenAPublished(delivered(PADS_SHARE))
                .andThenAPublished(delivered(TYRES_SHARE))
                .whenPublishingA(delivered(TYRES_SHARE))
                .expectNoDispatchedCommands();
    }

    @Test
    void endsOnceTheCashIsCaptured() {
        fixture.givenAPublished(confirmed())
                .andThenAPublished(delivered(PADS_SHARE))
                .andThenAPublished(delivered(TYRES_SHARE))
                .whenPublishingA(new PaymentCapturedEvent(PAYMENT, ORDER, CUSTOMER, PaymentProvider.CASH_ON_DELIVERY,
                        "cod_1", PADS_TOTAL.plus(TYRES_TOTAL)))
                .expectActiveSagas(0);
    }

    private static VendorOrderCancelledEvent cancelled(VendorOrderId share) {
        return new VendorOrderCancelledEvent(share, ORDER, share.equals(PADS_SHARE) ? CAIRO_PARTS : GIZA_TYRES,
                CancellationParty.CUSTOMER, CUSTOMER, "changed my mind", List.of(),
                share.equals(PADS_SHARE) ? PADS_TOTAL : TYRES_TOTAL, null);
    }
}
