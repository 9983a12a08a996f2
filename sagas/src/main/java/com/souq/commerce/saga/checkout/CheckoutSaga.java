package com.souq.commerce.saga.checkout;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.api.ReleaseStockReservationCommand;
import com.souq.commerce.listing.api.ReserveStockCommand;
import com.souq.commerce.listing.api.StockReservationRejectedEvent;
import com.souq.commerce.listing.api.StockReservedEvent;
import com.souq.commerce.order.api.AcceptOrderPaymentCommand;
import com.souq.commerce.order.api.CancelOrderCommand;
import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.ConfirmCashOnDeliveryCommand;
import com.souq.commerce.order.api.ExpireCheckoutCommand;
import com.souq.commerce.order.api.MarkOrderPaidCommand;
import com.souq.commerce.order.api.MarkOrderStockReservedCommand;
import com.souq.commerce.order.api.OrderCancelledEvent;
import com.souq.commerce.order.api.OrderConfirmedForCashOnDeliveryEvent;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.order.api.OrderPaidEvent;
import com.souq.commerce.order.api.OrderPaymentRequestedEvent;
import com.souq.commerce.order.api.OrderPlacedEvent;
import com.souq.commerce.payment.api.CancelPaymentCommand;
import com.souq.commerce.payment.api.CapturePaymentCommand;
import com.souq.commerce.payment.api.PaymentAuthorizedEvent;
import com.souq.commerce.payment.api.PaymentCancelledEvent;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentFailedEvent;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.RequestPaymentCommand;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Checkout of one order, from placed to paid or cancelled.
 *
 * <table>
 *   <caption>Steps and compensations</caption>
 *   <tr><th>when</th><th>it does</th><th>if that fails</th></tr>
 *   <tr><td>order placed</td><td>reserve stock on every listing; start the payment deadline</td>
 *       <td>a rejected reservation cancels the order</td></tr>
 *   <tr><td>every listing reserved</td><td>order records it and asks for payment; payment requested</td>
 *       <td>—</td></tr>
 *   <tr><td>payment authorized</td><td>order accepts the payment, then capture</td>
 *       <td>order cancelled meanwhile: cancel the payment (the provider voids the authorization)</td></tr>
 *   <tr><td>payment captured</td><td>mark the order paid; the saga ends</td><td>—</td></tr>
 *   <tr><td>cash-on-delivery payment authorized (the shopper's promise)</td><td>order accepts it, then goes to
 *       its vendors unpaid (PAYMENT_ON_DELIVERY); the saga ends. Capture waits for delivery (cash-on-delivery
 *       process)</td><td>order cancelled meanwhile: cancel the payment (nothing to void)</td></tr>
 *   <tr><td>payment failed or cancelled</td><td>cancel the order</td><td>—</td></tr>
 *   <tr><td>deadline passed</td><td>cancel the payment (a payment being captured is let finish), or the order if
 *       payment was never requested</td><td>—</td></tr>
 *   <tr><td>order cancelled (by anyone)</td><td>release every reservation, cancel the payment; the saga ends</td>
 *       <td>—</td></tr>
 * </table>
 *
 * <p>Every command it sends is idempotent and never refused for a state the order, listing or payment moved to
 * meanwhile (they answer with a no-op or an event instead), so a redelivered event or a race ends in the same
 * state. The saga, its commands and its deadline are stored in one transaction with its processor's position.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CheckoutSaga {

    static final String ORDER = "orderId";
    static final String PAYMENT = "paymentId";
    static final String PAYMENT_DEADLINE = "checkout-payment-deadline";

    private OrderId orderId;
    private String customerSubject;
    private Set<ListingId> listings = new LinkedHashSet<>();
    private Set<ListingId> awaitingStock = new LinkedHashSet<>();
    private PaymentId paymentId;
    private String deadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderPlacedEvent event, CommandGateway commands, DeadlineManager deadlines, CheckoutSettings settings) {
        orderId = event.orderId();
        customerSubject = event.customerSubject();
        for (OrderLine line : event.lines()) {
            listings.add(line.listingId());
            awaitingStock.add(line.listingId());
        }
        deadlineId = deadlines.schedule(settings.paymentTimeout(), PAYMENT_DEADLINE, new PaymentDeadline(orderId));
        // listings in one global order: two checkouts holding the same listings never wait on each other in a cycle
        event.lines().stream().sorted(Comparator.comparing(line -> line.listingId().value())).forEach(line ->
                commands.sendAndWait(new ReserveStockCommand(line.listingId(), orderId, line.quantity())));
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(StockReservedEvent event, CommandGateway commands) {
        awaitingStock.remove(event.listingId());
        if (awaitingStock.isEmpty() && paymentId == null) {
            commands.sendAndWait(new MarkOrderStockReservedCommand(orderId, PaymentId.forOrder(orderId)));
        }
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(StockReservationRejectedEvent event, CommandGateway commands) {
        awaitingStock.remove(event.listingId());
        cancelOrder(commands, "Listing " + event.listingId() + " could not be reserved: " + event.reason());
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderPaymentRequestedEvent event, CommandGateway commands) {
        paymentId = event.paymentId();
        SagaLifecycle.associateWith(PAYMENT, paymentId.value());
        commands.sendAndWait(new RequestPaymentCommand(paymentId, orderId, customerSubject, event.amount(),
                event.instruction()));
    }

    @SagaEventHandler(associationProperty = PAYMENT)
    void on(PaymentAuthorizedEvent event, CommandGateway commands) {
        Boolean accepted = commands.sendAndWait(new AcceptOrderPaymentCommand(orderId, paymentId));
        if (Boolean.TRUE.equals(accepted) && event.provider().collectsOnDelivery()) {
            commands.sendAndWait(new ConfirmCashOnDeliveryCommand(orderId, paymentId));
        } else if (Boolean.TRUE.equals(accepted)) {
            commands.sendAndWait(new CapturePaymentCommand(paymentId));
        } else {
            commands.sendAndWait(new CancelPaymentCommand(paymentId, "Order " + orderId + " was cancelled"));
        }
    }

    @SagaEventHandler(associationProperty = PAYMENT)
    void on(PaymentCapturedEvent event, CommandGateway commands) {
        commands.sendAndWait(new MarkOrderPaidCommand(orderId, paymentId, event.amount()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderPaidEvent event, DeadlineManager deadlines) {
        cancelDeadline(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderConfirmedForCashOnDeliveryEvent event, DeadlineManager deadlines) {
        cancelDeadline(deadlines);
    }

    @SagaEventHandler(associationProperty = PAYMENT)
    void on(PaymentFailedEvent event, CommandGateway commands) {
        cancelOrder(commands, "Payment failed: " + event.reason());
    }

    @SagaEventHandler(associationProperty = PAYMENT)
    void on(PaymentCancelledEvent event, CommandGateway commands) {
        cancelOrder(commands, "Payment cancelled: " + event.reason());
    }

    /**
     * Asks the order and the payment, not this saga's state: the deadline runs beside the saga's processor, and the
     * stored saga may not know yet of a payment its processor is handling (a stale one cancelled an order whose
     * payment was being captured). The order cancels itself only if it never asked for payment; the payment is
     * cancelled unless it is being captured (then it finishes and pays the order), and its cancellation cancels the
     * order.
     */
    @DeadlineHandler(deadlineName = PAYMENT_DEADLINE)
    void on(PaymentDeadline deadline, CommandGateway commands) {
        deadlineId = null;
        commands.sendAndWait(new ExpireCheckoutCommand(orderId, "Checkout did not complete before its deadline"));
        commands.sendAndWait(new CancelPaymentCommand(PaymentId.forOrder(orderId),
                "Not paid before the checkout deadline"));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderCancelledEvent event, CommandGateway commands, DeadlineManager deadlines) {
        listings.stream().sorted(Comparator.comparing(ListingId::value)).forEach(listing ->
                commands.sendAndWait(new ReleaseStockReservationCommand(listing, orderId)));
        if (paymentId != null) {
            commands.sendAndWait(new CancelPaymentCommand(paymentId, "Order " + orderId + " was cancelled"));
        }
        cancelDeadline(deadlines);
    }

    /** The payload of the checkout's deadline: which order it was for, readable in the scheduler's table. */
    record PaymentDeadline(OrderId orderId) {
    }

    private void cancelOrder(CommandGateway commands, String reason) {
        commands.sendAndWait(new CancelOrderCommand(orderId, CancellationParty.CHECKOUT, null, reason));
    }

    private void cancelDeadline(DeadlineManager deadlines) {
        if (deadlineId != null) {
            deadlines.cancelSchedule(PAYMENT_DEADLINE, deadlineId);
            deadlineId = null;
        }
    }
}
