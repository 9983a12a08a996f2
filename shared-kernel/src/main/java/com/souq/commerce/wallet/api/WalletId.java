package com.souq.commerce.wallet.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.souq.commerce.shared.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.UUID;

/**
 * Identity of a wallet, derived from its owner and currency (a name-based UUID): an owner has exactly one wallet per
 * currency, and whoever moves money in or out of it reaches that one without looking it up.
 */
public record WalletId(String value) {

    public WalletId {
        Identifiers.requireValid("wallet", value);
    }

    @JsonCreator
    public static WalletId of(String value) {
        return new WalletId(value);
    }

    public static WalletId of(WalletOwner owner, Currency currency) {
        return new WalletId(UUID.nameUUIDFromBytes(("wallet:" + owner.type() + ":" + owner.id() + ":"
                + currency.getCurrencyCode()).getBytes(StandardCharsets.UTF_8)).toString());
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
