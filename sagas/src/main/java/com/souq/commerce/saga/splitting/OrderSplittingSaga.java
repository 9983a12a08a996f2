package com.souq.commerce.saga.splitting;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.souq.commerce.listing.api.CommitStockReservationCommand;
import com.souq.commerce.listing.api.ReleaseStockReservationCommand;
import com.souq.commerce.order.api.CancelVendorOrderCommand;
import com.souq.commerce.order.api.CloseOrderCommand;
import com.souq.commerce.order.api.CreateVendorOrderCommand;
import com.souq.commerce.order.api.OrderCancellationRequestedEvent;
import com.souq.commerce.order.api.OrderCancelledEvent;
import com.souq.commerce.order.api.OrderCompletedEvent;
import com.souq.commerce.order.api.OrderConfirmedForCashOnDeliveryEvent;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.order.api.OrderPaidEvent;
import com.souq.commerce.order.api.ShippingAddress;
import com.souq.commerce.order.api.VendorOrderCancelledEvent;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.order.api.VendorOrderRejectedEvent;
import com.souq.commerce.order.api.VendorOrderShippedEvent;
import com.souq.commerce.order.api.VendorOrderStatus;
import com.souq.commerce.shared.pricing.OrderTotals;
import com.souq.commerce.shared.pricing.VendorTotals;
import com.souq.commerce.vendor.api.VendorId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Splits a paid order among its vendors and follows their shares until every one has ended.
 *
 * <table>
 *   <caption>Steps and compensations</caption>
 *   <tr><th>when</th><th>it does</th></tr>
 *   <tr><td>order paid, or confirmed for cash on delivery</td><td>create one vendor order per vendor with its
 *       lines, shipping and VAT</td></tr>
 *   <tr><td>vendor order shipped</td><td>commit its items' reservations: they leave the stock for good</td></tr>
 *   <tr><td>vendor order rejected or cancelled</td><td>release its items' reservations back to stock</td></tr>
 *   <tr><td>cancellation of the paid order requested</td><td>cancel every vendor order not yet shipped</td></tr>
 *   <tr><td>every vendor order delivered, rejected or cancelled</td><td>close the order: completed, or cancelled
 *       when none was delivered; the saga ends</td></tr>
 * </table>
 *
 * <p>Stock stays reserved, not committed, until the vendor ships, so a share cancelled before shipping simply gives
 * its reservation back. Vendor order ids derive from the order and vendor, so a redelivered "order paid" creates
 * nothing twice. Refunding what was captured for a cancelled share is the refund process's.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class OrderSplittingSaga {

    static final String ORDER = "orderId";

    private OrderId orderId;
    private String customerSubject;
    private Map<VendorOrderId, VendorOrderStatus> vendorOrders = new LinkedHashMap<>();

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderPaidEvent event, CommandGateway commands) {
        split(event.orderId(), event.customerSubject(), event.address(), event.lines(), event.totals(), commands);
    }

    /** A cash-on-delivery order is fulfilled exactly like a paid one; its money comes with the deliveries. */
    @StartSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderConfirmedForCashOnDeliveryEvent event, CommandGateway commands) {
        split(event.orderId(), event.customerSubject(), event.address(), event.lines(), event.totals(), commands);
    }

    private void split(OrderId order, String customer, ShippingAddress address, List<OrderLine> orderLines,
                       OrderTotals totals, CommandGateway commands) {
        orderId = order;
        customerSubject = customer;
        for (VendorTotals share : totals.vendors()) {
            VendorId vendor = VendorId.of(share.vendorId());
            VendorOrderId vendorOrderId = VendorOrderId.of(orderId, vendor);
            vendorOrders.put(vendorOrderId, VendorOrderStatus.CREATED);
            List<OrderLine> lines = orderLines.stream().filter(line -> line.vendorId().equals(vendor)).toList();
            commands.sendAndWait(new CreateVendorOrderCommand(vendorOrderId, orderId, vendor, customerSubject,
                    address, lines, share));
        }
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(VendorOrderShippedEvent event, CommandGateway commands) {
        vendorOrders.put(event.vendorOrderId(), VendorOrderStatus.SHIPPED);
        inListingOrder(event.lines()).forEach(line ->
                commands.sendAndWait(new CommitStockReservationCommand(line.listingId(), orderId)));
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(VendorOrderDeliveredEvent event, CommandGateway commands) {
        vendorOrders.put(event.vendorOrderId(), VendorOrderStatus.DELIVERED);
        closeWhenAllEnded(commands);
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(VendorOrderRejectedEvent event, CommandGateway commands) {
        vendorOrders.put(event.vendorOrderId(), VendorOrderStatus.REJECTED);
        release(event.lines(), commands);
        closeWhenAllEnded(commands);
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(VendorOrderCancelledEvent event, CommandGateway commands) {
        vendorOrders.put(event.vendorOrderId(), VendorOrderStatus.CANCELLED);
        release(event.lines(), commands);
        closeWhenAllEnded(commands);
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderCancellationRequestedEvent event, CommandGateway commands) {
        vendorOrders.forEach((vendorOrderId, status) -> {
            if (!status.isFinal() && !status.hasShipped()) {
                commands.sendAndWait(new CancelVendorOrderCommand(vendorOrderId, event.party(), event.subject(), null,
                        event.reason(), true));
            }
        });
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderCompletedEvent event) {
        // every vendor order ended: nothing is left to follow
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderCancelledEvent event) {
        // every vendor order was cancelled or rejected: nothing is left to follow
    }

    private void release(List<OrderLine> lines, CommandGateway commands) {
        inListingOrder(lines).forEach(line ->
                commands.sendAndWait(new ReleaseStockReservationCommand(line.listingId(), orderId)));
    }

    /** Listings are always locked in one global order, the checkout's too: no two handlers wait on each other. */
    private static List<OrderLine> inListingOrder(List<OrderLine> lines) {
        return lines.stream().sorted(Comparator.comparing(line -> line.listingId().value())).toList();
    }

    private void closeWhenAllEnded(CommandGateway commands) {
        if (!vendorOrders.values().stream().allMatch(VendorOrderStatus::isFinal)) {
            return;
        }
        List<VendorOrderId> delivered = vendorOrders.entrySet().stream()
                .filter(entry -> entry.getValue() == VendorOrderStatus.DELIVERED).map(Map.Entry::getKey).toList();
        List<VendorOrderId> cancelled = vendorOrders.entrySet().stream()
                .filter(entry -> entry.getValue() != VendorOrderStatus.DELIVERED).map(Map.Entry::getKey).toList();
        commands.sendAndWait(new CloseOrderCommand(orderId, delivered, cancelled));
    }
}
