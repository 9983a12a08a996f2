package com.souq.commerce.order.command;

import static com.souq.commerce.order.command.OrderFixture.CARD;
import static com.souq.commerce.order.command.OrderFixture.CUSTOMER;
import static com.souq.commerce.order.command.OrderFixture.HELIOPOLIS;
import static com.souq.commerce.order.command.OrderFixture.LINES;
import static com.souq.commerce.order.command.OrderFixture.ORDER;
import static com.souq.commerce.order.command.OrderFixture.PADS_SHARE;
import static com.souq.commerce.order.command.OrderFixture.PAYMENT;
import static com.souq.commerce.order.command.OrderFixture.TOTALS;

import com.souq.commerce.cart.api.CartId;
import com.souq.commerce.order.api.AcceptOrderPaymentCommand;
import com.souq.commerce.order.api.CancelOrderCommand;
import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.CloseOrderCommand;
import com.souq.commerce.order.api.ExpireCheckoutCommand;
import com.souq.commerce.order.api.MarkOrderPaidCommand;
import com.souq.commerce.order.api.MarkOrderStockReservedCommand;
import com.souq.commerce.order.api.OrderCancellationRequestedEvent;
import com.souq.commerce.order.api.OrderCancelledEvent;
import com.souq.commerce.order.api.OrderCompletedEvent;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.OrderPaidEvent;
import com.souq.commerce.order.api.OrderPaymentAcceptedEvent;
import com.souq.commerce.order.api.OrderPaymentRequestedEvent;
import com.souq.commerce.order.api.OrderStockReservedEvent;
import com.souq.commerce.order.api.PlaceOrderCommand;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.shared.error.DomainRuleViolation;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderTest {

    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
    }

    @Test
    void placesTheOrderTheCartWasFrozenInto() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(ORDER, CartId.ofCustomer(CUSTOMER), CUSTOMER, HELIOPOLIS, LINES, TOTALS,
                        CARD))
                .expectEvents(OrderFixture.placed());
    }

    @Test
    void reservedStockAsksForPaymentOfTheGrandTotal() {
        fixture.given(OrderFixture.placed())
                .when(new MarkOrderStockReservedCommand(ORDER, PAYMENT))
                .expectEvents(new OrderStockReservedEvent(ORDER, CUSTOMER),
                        new OrderPaymentRequestedEvent(ORDER, CUSTOMER, PAYMENT, TOTALS.grandTotal(), CARD));
    }

    @Test
    void reservedStockTwiceAsksForPaymentOnce() {
        fixture.given(OrderFixture.awaitingPayment())
                .when(new MarkOrderStockReservedCommand(ORDER, PAYMENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptsItsAuthorizedPayment() {
        fixture.given(OrderFixture.awaitingPayment())
                .when(new AcceptOrderPaymentCommand(ORDER, PAYMENT))
                .expectResultMessagePayload(true)
                .expectEvents(new OrderPaymentAcceptedEvent(ORDER, CUSTOMER, PAYMENT));
    }

    @Test
    void aCancelledOrderRefusesThePaymentWithoutError() {
        fixture.given(OrderFixture.placed(), new OrderCancelledEvent(ORDER, CUSTOMER, CancellationParty.CUSTOMER,
                        CUSTOMER, "changed my mind", false))
                .when(new AcceptOrderPaymentCommand(ORDER, PAYMENT))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void refusesAPaymentItDidNotAskFor() {
        fixture.given(OrderFixture.awaitingPayment())
                .when(new AcceptOrderPaymentCommand(ORDER, PaymentId.forOrder(OrderId.random())))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void isPaidOnceItsAcceptedPaymentIsCaptured() {
        fixture.given(OrderFixture.paymentAccepted())
                .when(new MarkOrderPaidCommand(ORDER, PAYMENT, TOTALS.grandTotal()))
                .expectEvents(new OrderPaidEvent(ORDER, CUSTOMER, PAYMENT, TOTALS.grandTotal(), HELIOPOLIS, LINES,
                        TOTALS));
    }

    @Test
    void markingPaidTwiceChangesNothing() {
        fixture.given(OrderFixture.paid())
                .when(new MarkOrderPaidCommand(ORDER, PAYMENT, TOTALS.grandTotal()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theCheckoutDeadlineCancelsAnOrderThatNeverAskedForPayment() {
        fixture.given(OrderFixture.placed())
                .when(new ExpireCheckoutCommand(ORDER, "Checkout did not complete before its deadline"))
                .expectEvents(new OrderCancelledEvent(ORDER, CUSTOMER, CancellationParty.CHECKOUT, null,
                        "Checkout did not complete before its deadline", false));
    }

    @Test
    void theCheckoutDeadlineLeavesAnOrderWhosePaymentIsUnderWayToThePayment() {
        fixture.given(OrderFixture.paymentAccepted())
                .when(new ExpireCheckoutCommand(ORDER, "Checkout did not complete before its deadline"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void customerCancelsBeforePayment() {
        fixture.given(OrderFixture.awaitingPayment())
                .when(new CancelOrderCommand(ORDER, CancellationParty.CUSTOMER, CUSTOMER, "changed my mind"))
                .expectEvents(new OrderCancelledEvent(ORDER, CUSTOMER, CancellationParty.CUSTOMER, CUSTOMER,
                        "changed my mind", false));
    }

    @Test
    void anotherCustomerCannotCancel() {
        fixture.given(OrderFixture.awaitingPayment())
                .when(new CancelOrderCommand(ORDER, CancellationParty.CUSTOMER, "someone-else", "mischief"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Order " + ORDER + " is another customer's")
                .expectNoEvents();
    }

    @Test
    void customerCannotCancelWhileTheAcceptedPaymentIsCaptured() {
        fixture.given(OrderFixture.paymentAccepted())
                .when(new CancelOrderCommand(ORDER, CancellationParty.CUSTOMER, CUSTOMER, "too late"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void checkoutCancelsWhenTheAcceptedPaymentFailsToCapture() {
        fixture.given(OrderFixture.paymentAccepted())
                .when(new CancelOrderCommand(ORDER, CancellationParty.CHECKOUT, null, "Payment failed: expired"))
                .expectEvents(new OrderCancelledEvent(ORDER, CUSTOMER, CancellationParty.CHECKOUT, null,
                        "Payment failed: expired", false));
    }

    @Test
    void checkoutCancellingACancelledOrderChangesNothing() {
        fixture.given(OrderFixture.placed(), new OrderCancelledEvent(ORDER, CUSTOMER, CancellationParty.CUSTOMER,
                        CUSTOMER, "changed my mind", false))
                .when(new CancelOrderCommand(ORDER, CancellationParty.CHECKOUT, null, "deadline"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void customerCancellingTwiceIsRefused() {
        fixture.given(OrderFixture.placed(), new OrderCancelledEvent(ORDER, CUSTOMER, CancellationParty.CUSTOMER,
                        CUSTOMER, "changed my mind", false))
                .when(new CancelOrderCommand(ORDER, CancellationParty.CUSTOMER, CUSTOMER, "again"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cancellingAPaidOrderAsksItsVendorOrdersToCancel() {
        fixture.given(OrderFixture.paid())
                .when(new CancelOrderCommand(ORDER, CancellationParty.CUSTOMER, CUSTOMER, "found it cheaper"))
                .expectEvents(new OrderCancellationRequestedEvent(ORDER, CUSTOMER, CancellationParty.CUSTOMER,
                        CUSTOMER, "found it cheaper"));
    }

    @Test
    void aVendorCannotCancelTheWholeOrder() {
        fixture.given(OrderFixture.paid())
                .when(new CancelOrderCommand(ORDER, CancellationParty.VENDOR, "vendor-staff", "no"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void completesWhenSomethingWasDelivered() {
        VendorOrderId tyres = VendorOrderId.of(ORDER, OrderFixture.GIZA_TYRES);
        fixture.given(OrderFixture.paid())
                .when(new CloseOrderCommand(ORDER, List.of(PADS_SHARE), List.of(tyres)))
                .expectEvents(new OrderCompletedEvent(ORDER, CUSTOMER, List.of(PADS_SHARE), List.of(tyres)));
    }

    @Test
    void endsCancelledWhenNothingWasDelivered() {
        fixture.given(OrderFixture.paid())
                .when(new CloseOrderCommand(ORDER, List.of(), List.of(PADS_SHARE)))
                .expectEvents(new OrderCancelledEvent(ORDER, CUSTOMER, CancellationParty.VENDOR, null,
                        "Every vendor order was cancelled", true));
    }
}
