package com.souq.commerce.cart.api;

import com.souq.commerce.order.api.OrderId;
import java.util.List;

/** What a checkout did: placed the order, or refused it because these prices changed since the lines were added. */
public record CheckoutOutcome(OrderId orderId, List<PriceChange> priceChanges) {

    public static CheckoutOutcome placed(OrderId orderId) {
        return new CheckoutOutcome(orderId, List.of());
    }

    public static CheckoutOutcome pricesChanged(List<PriceChange> changes) {
        return new CheckoutOutcome(null, List.copyOf(changes));
    }

    public boolean placed() {
        return orderId != null;
    }
}
