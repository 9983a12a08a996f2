package com.souq.commerce.vendor.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.souq.commerce.shared.Identifiers;

/** Identity of a Vendor aggregate; serialized as the bare UUID text. */
public record VendorId(String value) {

    public VendorId {
        Identifiers.requireValid("vendor", value);
    }

    @JsonCreator
    public static VendorId of(String value) {
        return new VendorId(value);
    }

    public static VendorId random() {
        return new VendorId(Identifiers.random());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Axon routes commands by the identifier's string form: it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
