package com.souq.commerce.saga.cod;

import static org.mockito.Mockito.mock;

import com.souq.commerce.order.api.OrderConfirmedForCashOnDeliveryEvent;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Cash-on-delivery sagas in a given state, built through their own handlers with an inert command gateway. */
public final class CashOnDeliverySagaStates {

    private CashOnDeliverySagaStates() {
    }

    public static void confirmedAndDelivered(CashOnDeliverySaga saga, OrderConfirmedForCashOnDeliveryEvent confirmed,
                                             VendorOrderDeliveredEvent... delivered) {
        saga.on(confirmed);
        CommandGateway commands = mock(CommandGateway.class);
        for (VendorOrderDeliveredEvent event : delivered) {
            saga.on(event, commands);
        }
    }
}
