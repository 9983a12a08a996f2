package com.souq.commerce.order.command;

import com.souq.commerce.cart.api.CartCheckedOutEvent;
import com.souq.commerce.order.api.PlaceOrderCommand;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

/**
 * Places the order a checked-out cart was frozen into. Redelivery of the same checkout finds the order placed
 * already and changes nothing; any other failure leaves the event in the dead-letter queue to be retried.
 */
@Component
@ProcessingGroup("order-placement")
class CheckoutToOrder {

    private final CommandGateway commands;

    CheckoutToOrder(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(CartCheckedOutEvent event) {
        try {
            commands.sendAndWait(new PlaceOrderCommand(event.orderId(), event.cartId(), event.customerSubject(),
                    event.address(), event.lines(), event.totals(), event.payment()), 10, TimeUnit.SECONDS);
        } catch (AggregateStreamCreationException alreadyPlaced) {
            // the order exists: this is a redelivery of a checkout that was handled
        }
    }
}
