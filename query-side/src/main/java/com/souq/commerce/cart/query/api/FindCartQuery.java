package com.souq.commerce.cart.query.api;

import com.souq.commerce.cart.api.CartId;

/** A customer's open cart; a cart nobody filled yet, or one just checked out, is answered empty, never missing. */
public record FindCartQuery(CartId cartId) {
}
