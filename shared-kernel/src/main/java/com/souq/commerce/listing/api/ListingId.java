package com.souq.commerce.listing.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.souq.commerce.shared.Identifiers;

/** Identity of an Listing aggregate; serialized as the bare UUID text. */
public record ListingId(String value) {

    public ListingId {
        Identifiers.requireValid("listing", value);
    }

    @JsonCreator
    public static ListingId of(String value) {
        return new ListingId(value);
    }

    public static ListingId random() {
        return new ListingId(Identifiers.random());
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
