package com.souq.commerce.listing.query.api;

import com.souq.commerce.shared.money.Money;
import java.time.Instant;

/** Units of a listing held for an order, and what became of them; {@code closedAt} is {@code null} while held. */
public record ReservationView(
        String orderId,
        int quantity,
        State state,
        Money unitPrice,
        Instant reservedAt,
        Instant closedAt) {

    /** Held for the order, given back to the stock, or sold. */
    public enum State {
        RESERVED,
        RELEASED,
        COMMITTED
    }
}
