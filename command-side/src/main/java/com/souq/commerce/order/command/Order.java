package com.souq.commerce.order.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.OrderPlacedEvent;
import com.souq.commerce.order.api.OrderStatus;
import com.souq.commerce.order.api.PlaceOrderCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer's order, placed from a checked-out cart with its lines and totals frozen. Lifecycle (ARCHITECTURE.md):
 * PLACED → STOCK_RESERVED → PAYMENT_PENDING → PAID → COMPLETED, or CANCELLED; the checkout saga drives it past
 * PLACED. An order id is placed once: the event store refuses a second stream for the same id.
 */
@Aggregate
class Order {

    @AggregateIdentifier
    private OrderId orderId;
    private OrderStatus status;

    protected Order() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    Order(PlaceOrderCommand command) {
        apply(new OrderPlacedEvent(command.orderId(), command.cartId(), command.customerSubject(), command.address(),
                command.lines(), command.totals()));
    }

    @EventSourcingHandler
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        status = OrderStatus.PLACED;
    }
}
