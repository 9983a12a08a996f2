package com.souq.commerce.order.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.souq.commerce.order.api.AcceptOrderPaymentCommand;
import com.souq.commerce.order.api.CancelOrderCommand;
import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.CloseOrderCommand;
import com.souq.commerce.order.api.ExpireCheckoutCommand;
import com.souq.commerce.order.api.ConfirmCashOnDeliveryCommand;
import com.souq.commerce.order.api.MarkOrderPaidCommand;
import com.souq.commerce.order.api.MarkOrderStockReservedCommand;
import com.souq.commerce.order.api.OrderCancellationRequestedEvent;
import com.souq.commerce.order.api.OrderCancelledEvent;
import com.souq.commerce.order.api.OrderCompletedEvent;
import com.souq.commerce.order.api.OrderConfirmedForCashOnDeliveryEvent;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.order.api.OrderPaidEvent;
import com.souq.commerce.order.api.OrderPaymentAcceptedEvent;
import com.souq.commerce.order.api.OrderPaymentRequestedEvent;
import com.souq.commerce.order.api.OrderPlacedEvent;
import com.souq.commerce.order.api.OrderStatus;
import com.souq.commerce.order.api.OrderStockReservedEvent;
import com.souq.commerce.order.api.PlaceOrderCommand;
import com.souq.commerce.order.api.ShippingAddress;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.platform.axon.AggregateCaching;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.pricing.OrderTotals;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer's order, placed from a checked-out cart with its lines and totals frozen.
 *
 * <p>Lifecycle: PLACED → STOCK_RESERVED → PAYMENT_PENDING → PAID → COMPLETED, or CANCELLED. The checkout saga drives
 * it to PAID, order splitting closes it once every vendor order ended. A cash-on-delivery order goes from
 * PAYMENT_PENDING to PAYMENT_ON_DELIVERY once it accepted its payment (a promise, no money) and is then fulfilled,
 * cancelled and closed exactly like a paid one; its money is captured as its vendor orders are delivered.
 *
 * <p>Invariants: an order id is placed once (the event store refuses a second stream). The order is the lock between
 * a customer cancelling and checkout capturing: once it accepted an authorized payment only checkout (whose capture
 * failed) can cancel it until it is paid, and a cancelled order never accepts a payment, so money is never taken for a
 * cancelled order. A customer
 * cancels only their own order; once paid, cancellation goes to the vendor orders not yet shipped. Commands the
 * checkout saga sends change nothing when repeated or overtaken, so a redelivered event never fails the saga.
 */
@Aggregate(cache = AggregateCaching.CACHE)
class Order {

    @AggregateIdentifier
    private OrderId orderId;
    private String customerSubject;
    private ShippingAddress address;
    private List<OrderLine> lines;
    private OrderTotals totals;
    private PaymentInstruction payment;
    private OrderStatus status;
    private PaymentId paymentId;
    private boolean paymentAccepted;
    private boolean cancellationRequested;

    protected Order() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    Order(PlaceOrderCommand command) {
        apply(new OrderPlacedEvent(command.orderId(), command.cartId(), command.customerSubject(), command.address(),
                command.lines(), command.totals(), command.payment()));
    }

    @CommandHandler
    void handle(MarkOrderStockReservedCommand command) {
        if (status != OrderStatus.PLACED) {
            return;
        }
        apply(new OrderStockReservedEvent(orderId, customerSubject));
        apply(new OrderPaymentRequestedEvent(orderId, customerSubject, command.paymentId(), totals.grandTotal(),
                payment));
    }

    @CommandHandler
    boolean handle(AcceptOrderPaymentCommand command) {
        if (status == OrderStatus.CANCELLED || !command.paymentId().equals(paymentId)) {
            return false;
        }
        if (!paymentAccepted) {
            apply(new OrderPaymentAcceptedEvent(orderId, customerSubject, paymentId));
        }
        return true;
    }

    @CommandHandler
    void handle(MarkOrderPaidCommand command) {
        if (status != OrderStatus.PAYMENT_PENDING || !paymentAccepted) {
            return;
        }
        apply(new OrderPaidEvent(orderId, customerSubject, paymentId, command.amount(), address, lines, totals));
    }

    @CommandHandler
    void handle(ConfirmCashOnDeliveryCommand command) {
        if (status != OrderStatus.PAYMENT_PENDING || !paymentAccepted || !payment.provider().collectsOnDelivery()
                || !command.paymentId().equals(paymentId)) {
            return;
        }
        apply(new OrderConfirmedForCashOnDeliveryEvent(orderId, customerSubject, paymentId, totals.grandTotal(),
                address, lines, totals));
    }

    @CommandHandler
    void handle(CancelOrderCommand command) {
        requireMayCancel(command);
        if (status == OrderStatus.CANCELLED || status == OrderStatus.COMPLETED) {
            if (command.party() == CancellationParty.CHECKOUT) {
                return;
            }
            throw DomainRuleViolation.illegalTransition("order", status, "cancelled");
        }
        if (isFulfilling()) {
            if (!cancellationRequested && command.party() != CancellationParty.CHECKOUT) {
                apply(new OrderCancellationRequestedEvent(orderId, customerSubject, command.party(), command.subject(),
                        command.reason()));
            }
            return;
        }
        if (paymentAccepted && command.party() != CancellationParty.CHECKOUT) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "ORDER_BEING_PAID",
                    "The payment of order " + orderId + " is being captured: cancel once it is paid");
        }
        apply(new OrderCancelledEvent(orderId, customerSubject, command.party(), command.subject(), command.reason(),
                false));
    }

    /**
     * Decided here, not from the checkout saga's memory: a deadline may fire while the saga's latest events are still
     * being handled, and a stored saga that did not yet know of the payment cancelled an order whose payment was
     * being captured (money taken, order cancelled; found by bin/reliability crash).
     */
    @CommandHandler
    void handle(ExpireCheckoutCommand command) {
        if (status == OrderStatus.PLACED || status == OrderStatus.STOCK_RESERVED) {
            apply(new OrderCancelledEvent(orderId, customerSubject, CancellationParty.CHECKOUT, null,
                    command.reason(), false));
        }
    }

    @CommandHandler
    void handle(CloseOrderCommand command) {
        if (!isFulfilling()) {
            return;
        }
        if (command.delivered().isEmpty()) {
            apply(new OrderCancelledEvent(orderId, customerSubject, CancellationParty.VENDOR, null,
                    "Every vendor order was cancelled", status == OrderStatus.PAID));
        } else {
            apply(new OrderCompletedEvent(orderId, customerSubject, List.copyOf(command.delivered()),
                    List.copyOf(command.cancelled())));
        }
    }

    /** Paid, or going to be paid on delivery: its vendors fulfil it. */
    private boolean isFulfilling() {
        return status == OrderStatus.PAID || status == OrderStatus.PAYMENT_ON_DELIVERY;
    }

    private void requireMayCancel(CancelOrderCommand command) {
        if (command.party() == CancellationParty.CUSTOMER && !customerSubject.equals(command.subject())) {
            throw DomainRuleViolation.forbidden("NOT_YOUR_ORDER", "Order " + orderId + " is another customer's");
        }
        if (command.party() == CancellationParty.VENDOR) {
            throw DomainRuleViolation.forbidden("NOT_YOUR_ORDER",
                    "A vendor cancels its own share of an order, not the whole order");
        }
    }

    @EventSourcingHandler
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        customerSubject = event.customerSubject();
        address = event.address();
        lines = event.lines();
        totals = event.totals();
        payment = event.payment();
        status = OrderStatus.PLACED;
    }

    @EventSourcingHandler
    void on(OrderStockReservedEvent event) {
        status = OrderStatus.STOCK_RESERVED;
    }

    @EventSourcingHandler
    void on(OrderPaymentRequestedEvent event) {
        paymentId = event.paymentId();
        status = OrderStatus.PAYMENT_PENDING;
    }

    @EventSourcingHandler
    void on(OrderPaymentAcceptedEvent event) {
        paymentAccepted = true;
    }

    @EventSourcingHandler
    void on(OrderPaidEvent event) {
        status = OrderStatus.PAID;
    }

    @EventSourcingHandler
    void on(OrderConfirmedForCashOnDeliveryEvent event) {
        status = OrderStatus.PAYMENT_ON_DELIVERY;
    }

    @EventSourcingHandler
    void on(OrderCancellationRequestedEvent event) {
        cancellationRequested = true;
    }

    @EventSourcingHandler
    void on(OrderCancelledEvent event) {
        status = OrderStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderCompletedEvent event) {
        status = OrderStatus.COMPLETED;
    }
}
