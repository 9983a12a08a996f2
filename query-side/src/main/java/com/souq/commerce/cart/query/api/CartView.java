package com.souq.commerce.cart.query.api;

import com.souq.commerce.shared.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * The customer's open cart: each line at the unit price the customer saw (net of VAT; shipping and VAT depend on the
 * address and are priced at checkout). {@code subtotal} is {@code null} for an empty cart; {@code lastOrderId} names
 * the order the cart was last checked out into, if any. {@code updatedAt} is {@code null} for a cart never used.
 */
public record CartView(
        String cartId,
        List<Line> lines,
        int itemCount,
        Money subtotal,
        String lastOrderId,
        Instant updatedAt) {

    public static CartView empty(String cartId) {
        return new CartView(cartId, List.of(), 0, null, null, null);
    }

    /** {@code total} is unit price × quantity. */
    public record Line(String listingId, String vendorId, int quantity, Money unitPrice, Money total,
                       Instant addedAt) {
    }
}
