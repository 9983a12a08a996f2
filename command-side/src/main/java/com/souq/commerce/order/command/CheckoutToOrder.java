package com.souq.commerce.order.command;

import com.souq.commerce.cart.api.CartCheckedOutEvent;
import com.souq.commerce.order.api.PlaceOrderCommand;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Places the order a checked-out cart was frozen into. Redelivery of the same checkout finds the order placed
 * already and changes nothing. A placement that does not finish in time (a loaded engine catching up after a restart)
 * is sent again, a few times, rather than parked: the order's creation is decided once, so a second send is answered
 * "placed already". Any other failure leaves the event in the dead-letter queue to be retried.
 */
@Component
@ProcessingGroup("order-placement")
class CheckoutToOrder {

    private static final Logger log = LoggerFactory.getLogger(CheckoutToOrder.class);
    private static final int ATTEMPTS = 3;
    private static final long SECONDS_PER_ATTEMPT = 20;

    private final CommandGateway commands;

    CheckoutToOrder(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(CartCheckedOutEvent event) throws Exception {
        PlaceOrderCommand place = new PlaceOrderCommand(event.orderId(), event.cartId(), event.customerSubject(),
                event.address(), event.lines(), event.totals(), event.payment());
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(place, SECONDS_PER_ATTEMPT, TimeUnit.SECONDS);
                return;
            } catch (AggregateStreamCreationException alreadyPlaced) {
                // the order exists: a redelivery of a checkout that was handled, or an earlier attempt that finished
                return;
            } catch (Exception failure) {
                // sendAndWait throws the TimeoutException of its wait undeclared
                if (!(failure instanceof TimeoutException) || attempt == ATTEMPTS) {
                    throw failure;
                }
                log.warn("Order {}: placement not finished within {} s (attempt {} of {}), sent again",
                        event.orderId(), SECONDS_PER_ATTEMPT, attempt, ATTEMPTS);
            }
        }
    }
}
