package com.souq.commerce.saga.checkout;

import static org.mockito.Mockito.mock;

import com.souq.commerce.listing.api.StockReservedEvent;
import com.souq.commerce.order.api.OrderPlacedEvent;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;

/** Checkout sagas in a given state, built through their own handlers with inert collaborators. */
public final class CheckoutSagaStates {

    private CheckoutSagaStates() {
    }

    public static CheckoutSaga afterPlacing(OrderPlacedEvent placed, StockReservedEvent... reserved) {
        CheckoutSaga saga = new CheckoutSaga();
        CommandGateway commands = mock(CommandGateway.class);
        saga.on(placed, commands, mock(DeadlineManager.class), new CheckoutSettings(Duration.ofMinutes(15)));
        for (StockReservedEvent event : reserved) {
            saga.on(event, commands);
        }
        return saga;
    }
}
