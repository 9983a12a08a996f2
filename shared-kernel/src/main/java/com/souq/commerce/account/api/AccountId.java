package com.souq.commerce.account.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.souq.commerce.shared.Identifiers;

/** Identity of an Account aggregate (and the subject of its tokens); serialized as the bare UUID text. */
public record AccountId(String value) {

    public AccountId {
        Identifiers.requireValid("account", value);
    }

    @JsonCreator
    public static AccountId of(String value) {
        return new AccountId(value);
    }

    public static AccountId random() {
        return new AccountId(Identifiers.random());
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
