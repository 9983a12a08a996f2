package com.souq.commerce.saga.checkout;

import static com.souq.commerce.saga.OrderFixture.BRAKE_PADS;
import static com.souq.commerce.saga.OrderFixture.CAIRO_PARTS;
import static com.souq.commerce.saga.OrderFixture.CARD;
import static com.souq.commerce.saga.OrderFixture.CUSTOMER;
import static com.souq.commerce.saga.OrderFixture.GIZA_TYRES;
import static com.souq.commerce.saga.OrderFixture.ORDER;
import static com.souq.commerce.saga.OrderFixture.PAYMENT;
import static com.souq.commerce.saga.OrderFixture.TOTALS;
import static com.souq.commerce.saga.OrderFixture.TYRE;

import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.api.ReleaseStockReservationCommand;
import com.souq.commerce.listing.api.ReserveStockCommand;
import com.souq.commerce.listing.api.StockReservationRejectedEvent;
import com.souq.commerce.listing.api.StockReservedEvent;
import com.souq.commerce.order.api.AcceptOrderPaymentCommand;
import com.souq.commerce.order.api.CancelOrderCommand;
import com.souq.commerce.order.api.ExpireCheckoutCommand;
import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.MarkOrderPaidCommand;
import com.souq.commerce.order.api.MarkOrderStockReservedCommand;
import com.souq.commerce.order.api.OrderCancelledEvent;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.OrderPaymentRequestedEvent;
import com.souq.commerce.order.api.OrderStockReservedEvent;
import com.souq.commerce.payment.api.CancelPaymentCommand;
import com.souq.commerce.payment.api.CapturePaymentCommand;
import com.souq.commerce.payment.api.PaymentAuthorizedEvent;
import com.souq.commerce.payment.api.PaymentCancelledEvent;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentFailedEvent;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.RequestPaymentCommand;
import com.souq.commerce.saga.OrderFixture;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckoutSagaTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final Money GRAND_TOTAL = TOTALS.grandTotal();

    private SagaTestFixture<CheckoutSaga> fixture;
    private boolean orderAcceptsPayment;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(CheckoutSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.registerResource(new CheckoutSettings(TIMEOUT));
        orderAcceptsPayment = true;
        fixture.setCallbackBehavior((command, metaData) ->
                command instanceof AcceptOrderPaymentCommand ? orderAcceptsPayment : null);
    }

    private StockReservedEvent reserved(ListingId listing, VendorId vendor, int quantity) {
        return new StockReservedEvent(listing, vendor, ORDER, quantity, Money.of(100_00, "EGP"), 3);
    }

    private OrderPaymentRequestedEvent paymentRequested() {
        return new OrderPaymentRequestedEvent(ORDER, CUSTOMER, PAYMENT, GRAND_TOTAL, CARD);
    }

    private PaymentAuthorizedEvent authorized() {
        return new PaymentAuthorizedEvent(PAYMENT, ORDER, PaymentProvider.SANDBOX, "sandbox_1", GRAND_TOTAL);
    }

    @Test
    void placedOrderReservesEveryListingAndStartsThePaymentDeadline() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(OrderFixture.placed())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new ReserveStockCommand(BRAKE_PADS, ORDER, 2),
                        new ReserveStockCommand(TYRE, ORDER, 4))
                .expectScheduledDeadlineWithName(TIMEOUT, CheckoutSaga.PAYMENT_DEADLINE);
    }

    @Test
    void waitsUntilEveryListingIsReserved() {
        fixture.givenAPublished(OrderFixture.placed())
                .whenPublishingA(reserved(BRAKE_PADS, CAIRO_PARTS, 2))
                .expectNoDispatchedCommands();
    }

    @Test
    void asksTheOrderForPaymentOnceEverythingIsReserved() {
        fixture.givenAPublished(OrderFixture.placed())
                .andThenAPublished(reserved(BRAKE_PADS, CAIRO_PARTS, 2))
                .whenPublishingA(reserved(TYRE, GIZA_TYRES, 4))
                .expectDispatchedCommands(new MarkOrderStockReservedCommand(ORDER, PAYMENT));
    }

    @Test
    void requestsThePaymentTheOrderAskedFor() {
        fixture.givenAPublished(OrderFixture.placed())
                .andThenAPublished(reserved(BRAKE_PADS, CAIRO_PARTS, 2))
                .andThenAPublished(reserved(TYRE, GIZA_TYRES, 4))
                .andThenAPublished(new OrderStockReservedEvent(ORDER, CUSTOMER))
                .whenPublishingA(paymentRequested())
                .expectDispatchedCommands(new RequestPaymentCommand(PAYMENT, ORDER, CUSTOMER, GRAND_TOTAL, CARD))
                .expectAssociationWith(CheckoutSaga.PAYMENT, PAYMENT.value());
    }

    @Test
    void aRejectedReservationCancelsTheOrder() {
        fixture.givenAPublished(OrderFixture.placed())
                .andThenAPublished(reserved(BRAKE_PADS, CAIRO_PARTS, 2))
                .whenPublishingA(new StockReservationRejectedEvent(TYRE, GIZA_TYRES, ORDER, 4, 1,
                        "INSUFFICIENT_STOCK"))
                .expectDispatchedCommands(new CancelOrderCommand(ORDER, CancellationParty.CHECKOUT, null,
                        "Listing " + TYRE + " could not be reserved: INSUFFICIENT_STOCK"));
    }

    @Test
    void aCancelledOrderReleasesEveryReservationAndEnds() {
        fixture.givenAPublished(OrderFixture.placed())
                .andThenAPublished(reserved(BRAKE_PADS, CAIRO_PARTS, 2))
                .whenPublishingA(new OrderCancelledEvent(ORDER, CUSTOMER, CancellationParty.CHECKOUT, null,
                        "stock", false))
                .expectDispatchedCommands(new ReleaseStockReservationCommand(BRAKE_PADS, ORDER),
                        new ReleaseStockReservationCommand(TYRE, ORDER))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void aCustomerCancellingWhilePaymentIsPendingAlsoCancelsThePayment() {
        givenPaymentRequested()
                .whenPublishingA(new OrderCancelledEvent(ORDER, CUSTOMER, CancellationParty.CUSTOMER, CUSTOMER,
                        "changed my mind", false))
                .expectDispatchedCommands(new ReleaseStockReservationCommand(BRAKE_PADS, ORDER),
                        new ReleaseStockReservationCommand(TYRE, ORDER),
                        new CancelPaymentCommand(PAYMENT, "Order " + ORDER + " was cancelled"))
                .expectActiveSagas(0);
    }

    @Test
    void capturesAnAuthorizedPaymentTheOrderAccepts() {
        givenPaymentRequested()
                .whenPublishingA(authorized())
                .expectDispatchedCommands(new AcceptOrderPaymentCommand(ORDER, PAYMENT),
                        new CapturePaymentCommand(PAYMENT));
    }

    @Test
    void voidsAnAuthorizationWhenTheOrderWasCancelledFirst() {
        orderAcceptsPayment = false;
        givenPaymentRequested()
                .whenPublishingA(authorized())
                .expectDispatchedCommands(new AcceptOrderPaymentCommand(ORDER, PAYMENT),
                        new CancelPaymentCommand(PAYMENT, "Order " + ORDER + " was cancelled"));
    }

    @Test
    void marksTheOrderPaidOnCaptureAndEndsWithoutDeadline() {
        givenPaymentRequested()
                .andThenAPublished(authorized())
                .whenPublishingA(new PaymentCapturedEvent(PAYMENT, ORDER, CUSTOMER, PaymentProvider.SANDBOX,
                        "sandbox_1", GRAND_TOTAL))
                .expectDispatchedCommands(new MarkOrderPaidCommand(ORDER, PAYMENT, GRAND_TOTAL));
    }

    @Test
    void endsAndForgetsTheDeadlineOnceThePaidOrderIsRecorded() {
        givenPaymentRequested()
                .whenPublishingA(OrderFixture.paid())
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void aFailedPaymentCancelsTheOrder() {
        givenPaymentRequested()
                .whenPublishingA(new PaymentFailedEvent(PAYMENT, ORDER, PaymentProvider.SANDBOX, "sandbox_1",
                        "card declined"))
                .expectDispatchedCommands(new CancelOrderCommand(ORDER, CancellationParty.CHECKOUT, null,
                        "Payment failed: card declined"));
    }

    @Test
    void aCancelledPaymentCancelsTheOrder() {
        givenPaymentRequested()
                .whenPublishingA(new PaymentCancelledEvent(PAYMENT, ORDER, PaymentProvider.SANDBOX, null,
                        "Not paid before the checkout deadline"))
                .expectDispatchedCommands(new CancelOrderCommand(ORDER, CancellationParty.CHECKOUT, null,
                        "Payment cancelled: Not paid before the checkout deadline"));
    }

    @Test
    void cancelsThePaymentWhenItIsNotCapturedBeforeTheDeadline() {
        givenPaymentRequested()
                .whenTimeElapses(TIMEOUT.plusSeconds(1))
                .expectTriggeredDeadlinesWithName(CheckoutSaga.PAYMENT_DEADLINE)
                .expectDispatchedCommands(
                        new ExpireCheckoutCommand(ORDER, "Checkout did not complete before its deadline"),
                        new CancelPaymentCommand(PAYMENT, "Not paid before the checkout deadline"));
    }

    @Test
    void cancelsTheOrderWhenStockIsStillAwaitedAtTheDeadline() {
        fixture.givenAPublished(OrderFixture.placed())
                .whenTimeElapses(TIMEOUT.plusSeconds(1))
                .expectTriggeredDeadlinesWithName(CheckoutSaga.PAYMENT_DEADLINE)
                .expectDispatchedCommands(
                        new ExpireCheckoutCommand(ORDER, "Checkout did not complete before its deadline"),
                        new CancelPaymentCommand(PaymentId.forOrder(ORDER), "Not paid before the checkout deadline"));
    }

    @Test
    void nothingHappensBeforeTheDeadline() {
        givenPaymentRequested()
                .whenTimeElapses(TIMEOUT.minusSeconds(1))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1), CheckoutSaga.PAYMENT_DEADLINE);
    }

    @Test
    void ignoresEventsOfOtherOrders() {
        givenPaymentRequested()
                .whenPublishingA(new PaymentFailedEvent(PaymentId.forOrder(OrderId.random()), OrderId.random(),
                        PaymentProvider.SANDBOX, "x", "declined"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    private ContinuedGivenState givenPaymentRequested() {
        return fixture.givenAPublished(OrderFixture.placed())
                .andThenAPublished(reserved(BRAKE_PADS, CAIRO_PARTS, 2))
                .andThenAPublished(reserved(TYRE, GIZA_TYRES, 4))
                .andThenAPublished(new OrderStockReservedEvent(ORDER, CUSTOMER))
                .andThenAPublished(paymentRequested());
    }

    @Test
    void cashOnDeliveryGoesToTheVendorsUnpaidInsteadOfCapturing() {
        givenPaymentRequested()
                .whenPublishingA(new PaymentAuthorizedEvent(PAYMENT, ORDER, PaymentProvider.CASH_ON_DELIVERY,
                        "cod_1", GRAND_TOTAL))
                .expectDispatchedCommands(new AcceptOrderPaymentCommand(ORDER, PAYMENT),
                        new com.souq.commerce.order.api.ConfirmCashOnDeliveryCommand(ORDER, PAYMENT));
    }

    @Test
    void checkoutEndsOnceTheCashOnDeliveryOrderIsConfirmedAndItsDeadlineNeverFires() {
        givenPaymentRequested()
                .andThenAPublished(new PaymentAuthorizedEvent(PAYMENT, ORDER, PaymentProvider.CASH_ON_DELIVERY,
                        "cod_1", GRAND_TOTAL))
                .whenPublishingA(new com.souq.commerce.order.api.OrderConfirmedForCashOnDeliveryEvent(ORDER,
                        CUSTOMER, PAYMENT, GRAND_TOTAL, OrderFixture.HELIOPOLIS, OrderFixture.LINES,
                        OrderFixture.TOTALS))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
