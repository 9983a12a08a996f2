package com.souq.commerce.cart.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.souq.commerce.shared.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identity of a customer's cart. A customer has exactly one open cart, so its id is derived from the customer's
 * subject (a name-based UUID): two devices adding to "my cart" at once reach the same aggregate, never two carts.
 */
public record CartId(String value) {

    public CartId {
        Identifiers.requireValid("cart", value);
    }

    @JsonCreator
    public static CartId of(String value) {
        return new CartId(value);
    }

    public static CartId ofCustomer(String customerSubject) {
        return new CartId(UUID.nameUUIDFromBytes(("cart:" + customerSubject).getBytes(StandardCharsets.UTF_8))
                .toString());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
