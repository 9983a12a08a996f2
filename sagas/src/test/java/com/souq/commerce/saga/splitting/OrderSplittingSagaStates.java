package com.souq.commerce.saga.splitting;

import static org.mockito.Mockito.mock;

import com.souq.commerce.order.api.OrderPaidEvent;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Order splitting sagas in a given state, built through their own handlers with an inert command gateway. */
public final class OrderSplittingSagaStates {

    private OrderSplittingSagaStates() {
    }

    public static OrderSplittingSaga afterSplitting(OrderPaidEvent paid, VendorOrderDeliveredEvent... delivered) {
        OrderSplittingSaga saga = new OrderSplittingSaga();
        CommandGateway commands = mock(CommandGateway.class);
        saga.on(paid, commands);
        for (VendorOrderDeliveredEvent event : delivered) {
            saga.on(event, commands);
        }
        return saga;
    }
}
