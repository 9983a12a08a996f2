package com.souq.commerce.order.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.souq.commerce.shared.Identifiers;

/** Identity of an Order aggregate; serialized as the bare UUID text. Stock reservations are keyed by it. */
public record OrderId(String value) {

    public OrderId {
        Identifiers.requireValid("order", value);
    }

    @JsonCreator
    public static OrderId of(String value) {
        return new OrderId(value);
    }

    public static OrderId random() {
        return new OrderId(Identifiers.random());
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
