package com.souq.commerce.wallet.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.souq.commerce.shared.Identifiers;

/** Identity of one payout: money a wallet's owner takes out to their bank through the payout provider. */
public record PayoutId(String value) {

    public PayoutId {
        Identifiers.requireValid("payout", value);
    }

    @JsonCreator
    public static PayoutId of(String value) {
        return new PayoutId(value);
    }

    public static PayoutId random() {
        return new PayoutId(Identifiers.random());
    }

    /** The transaction id of the hold that keeps the payout's money aside until the provider confirms. */
    public String holdTransactionId() {
        return "payout:" + value;
    }

    /** The transaction id of the release of that hold when the payout fails. */
    public String releaseTransactionId() {
        return "payout-release:" + value;
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
