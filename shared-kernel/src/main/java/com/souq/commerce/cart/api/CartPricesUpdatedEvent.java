package com.souq.commerce.cart.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A checkout found new prices: the cart's lines now carry them, and the customer confirms by checking out again. */
@Revision("1")
public record CartPricesUpdatedEvent(CartId cartId, List<PriceChange> changes) {
}
