package com.souq.commerce.order.command;

import static com.souq.commerce.order.command.OrderFixture.CUSTOMER;
import static com.souq.commerce.order.command.OrderFixture.HELIOPOLIS;
import static com.souq.commerce.order.command.OrderFixture.LINES;
import static com.souq.commerce.order.command.OrderFixture.ORDER;
import static com.souq.commerce.order.command.OrderFixture.PADS_SHARE;
import static com.souq.commerce.order.command.OrderFixture.PAYMENT;
import static com.souq.commerce.order.command.OrderFixture.TOTALS;

import com.souq.commerce.cart.api.CartId;
import com.souq.commerce.order.api.CancelOrderCommand;
import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.CloseOrderCommand;
import com.souq.commerce.order.api.ConfirmCashOnDeliveryCommand;
import com.souq.commerce.order.api.MarkOrderPaidCommand;
import com.souq.commerce.order.api.OrderCancellationRequestedEvent;
import com.souq.commerce.order.api.OrderCancelledEvent;
import com.souq.commerce.order.api.OrderCompletedEvent;
import com.souq.commerce.order.api.OrderConfirmedForCashOnDeliveryEvent;
import com.souq.commerce.order.api.OrderPaymentAcceptedEvent;
import com.souq.commerce.order.api.OrderPaymentRequestedEvent;
import com.souq.commerce.order.api.OrderPlacedEvent;
import com.souq.commerce.order.api.OrderStockReservedEvent;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentMethodRules;
import com.souq.commerce.payment.api.PaymentProvider;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CashOnDeliveryOrderTest {

    private static final PaymentInstruction CASH = new PaymentInstruction(PaymentProvider.CASH_ON_DELIVERY,
            PaymentMethodRules.CASH);

    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
    }

    @Test
    void goesToItsVendorsUnpaidOnceItAcceptedTheCashPromise() {
        fixture.given(accepted())
                .when(new ConfirmCashOnDeliveryCommand(ORDER, PAYMENT))
                .expectEvents(confirmed());
    }

    @Test
    void confirmingTwiceChangesNothing() {
        fixture.given(with(accepted(), confirmed()))
                .when(new ConfirmCashOnDeliveryCommand(ORDER, PAYMENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCardOrderIsNeverConfirmedForCash() {
        fixture.given(OrderFixture.paymentAccepted())
                .when(new ConfirmCashOnDeliveryCommand(ORDER, PAYMENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void isNeverMarkedPaidAtCheckout() {
        fixture.given(with(accepted(), confirmed()))
                .when(new MarkOrderPaidCommand(ORDER, PAYMENT, TOTALS.grandTotal()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void customerCancellationGoesToTheVendorOrdersAsForAPaidOrder() {
        fixture.given(with(accepted(), confirmed()))
                .when(new CancelOrderCommand(ORDER, CancellationParty.CUSTOMER, CUSTOMER, "changed my mind"))
                .expectEvents(new OrderCancellationRequestedEvent(ORDER, CUSTOMER, CancellationParty.CUSTOMER,
                        CUSTOMER, "changed my mind"));
    }

    @Test
    void closesCompletedOrCancelledWithoutMoneyHavingMoved() {
        fixture.given(with(accepted(), confirmed()))
                .when(new CloseOrderCommand(ORDER, List.of(PADS_SHARE), List.of()))
                .expectEvents(new OrderCompletedEvent(ORDER, CUSTOMER, List.of(PADS_SHARE), List.of()));
        fixture.given(with(accepted(), confirmed()))
                .when(new CloseOrderCommand(ORDER, List.of(), List.of(PADS_SHARE)))
                .expectEvents(new OrderCancelledEvent(ORDER, CUSTOMER, CancellationParty.VENDOR, null,
                        "Every vendor order was cancelled", false));
    }

    private static Object[] accepted() {
        return new Object[] {
                new OrderPlacedEvent(ORDER, CartId.ofCustomer(CUSTOMER), CUSTOMER, HELIOPOLIS, LINES, TOTALS, CASH),
                new OrderStockReservedEvent(ORDER, CUSTOMER),
                new OrderPaymentRequestedEvent(ORDER, CUSTOMER, PAYMENT, TOTALS.grandTotal(), CASH),
                new OrderPaymentAcceptedEvent(ORDER, CUSTOMER, PAYMENT)};
    }

    private static OrderConfirmedForCashOnDeliveryEvent confirmed() {
        return new OrderConfirmedForCashOnDeliveryEvent(ORDER, CUSTOMER, PAYMENT, TOTALS.grandTotal(), HELIOPOLIS,
                LINES, TOTALS);
    }

    private static Object[] with(Object[] history, Object next) {
        Object[] events = java.util.Arrays.copyOf(history, history.length + 1);
        events[history.length] = next;
        return events;
    }
}
