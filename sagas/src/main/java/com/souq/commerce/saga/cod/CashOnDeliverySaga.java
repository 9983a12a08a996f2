package com.souq.commerce.saga.cod;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.souq.commerce.order.api.OrderConfirmedForCashOnDeliveryEvent;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.VendorOrderCancelledEvent;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.order.api.VendorOrderRejectedEvent;
import com.souq.commerce.payment.api.CaptureCashOnDeliveryCommand;
import com.souq.commerce.payment.api.PaymentCancelledEvent;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentFailedEvent;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.pricing.VendorTotals;
import com.souq.commerce.vendor.api.VendorId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * The cash of one cash-on-delivery order, from confirmation to capture.
 *
 * <table>
 *   <caption>Steps</caption>
 *   <tr><th>when</th><th>it does</th></tr>
 *   <tr><td>order confirmed for cash on delivery</td><td>note each vendor share and what its courier collects
 *       (the share's total)</td></tr>
 *   <tr><td>a vendor order delivered</td><td>its courier collected the share's total</td></tr>
 *   <tr><td>a vendor order rejected or cancelled (before shipping)</td><td>nothing is collected for it</td></tr>
 *   <tr><td>every vendor order ended</td><td>capture the sum collected (the delivered shares' totals) on the
 *       payment, once; when nothing was delivered that cancels the payment, and no money moved</td></tr>
 *   <tr><td>payment captured, cancelled or failed</td><td>the saga ends</td></tr>
 * </table>
 *
 * <p>Why one capture for the whole order rather than one per share: the Payment captures at most once, the same
 * rule for every provider, and the commission process then posts one capture entry per delivered share exactly as
 * for a card, debiting {@code gateway-clearing:cash-on-delivery} (the cash the couriers hold for the marketplace).
 * The price is that a delivered share's cash reaches the journal only once its siblings have ended too; its return
 * window runs from its own delivery regardless. The capture command is total: a redelivered event captures nothing
 * twice.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CashOnDeliverySaga {

    static final String ORDER = "orderId";

    private OrderId orderId;
    private PaymentId paymentId;
    private Money due;
    private Map<VendorOrderId, Money> open = new LinkedHashMap<>();
    private Map<VendorOrderId, Money> collected = new LinkedHashMap<>();
    private boolean captureAsked;

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderConfirmedForCashOnDeliveryEvent event) {
        orderId = event.orderId();
        paymentId = event.paymentId();
        due = event.amountDue();
        for (VendorTotals share : event.totals().vendors()) {
            open.put(VendorOrderId.of(orderId, VendorId.of(share.vendorId())), share.total());
        }
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(VendorOrderDeliveredEvent event, CommandGateway commands) {
        Money total = open.remove(event.vendorOrderId());
        if (total != null) {
            collected.put(event.vendorOrderId(), total);
        }
        captureWhenAllEnded(commands);
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(VendorOrderRejectedEvent event, CommandGateway commands) {
        open.remove(event.vendorOrderId());
        captureWhenAllEnded(commands);
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(VendorOrderCancelledEvent event, CommandGateway commands) {
        open.remove(event.vendorOrderId());
        captureWhenAllEnded(commands);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(PaymentCapturedEvent event) {
        // the cash is in the journal (commission process): nothing is left to follow
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(PaymentCancelledEvent event) {
        // nothing was delivered, no money moved
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(PaymentFailedEvent event) {
        // a payment that failed is not captured; the order's fate is the order's
    }

    private void captureWhenAllEnded(CommandGateway commands) {
        if (!open.isEmpty() || captureAsked) {
            return;
        }
        Money sum = collected.values().stream().reduce(Money.zero(due.currency()), Money::plus);
        captureAsked = true;
        commands.sendAndWait(new CaptureCashOnDeliveryCommand(paymentId, sum));
    }
}
