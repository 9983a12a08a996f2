package com.souq.commerce.wallet.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.shared.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identity of one top-up: money a customer pays into their wallet through a payment provider. */
public record TopUpId(String value) {

    public TopUpId {
        Identifiers.requireValid("top-up", value);
    }

    @JsonCreator
    public static TopUpId of(String value) {
        return new TopUpId(value);
    }

    public static TopUpId random() {
        return new TopUpId(Identifiers.random());
    }

    /**
     * The id the payment provider knows this top-up by (a name-based UUID, never an order's payment id): the
     * provider's idempotency keys derive from it, so a retried call is the same request.
     */
    public PaymentId providerPaymentId() {
        return new PaymentId(UUID.nameUUIDFromBytes(("top-up:" + value).getBytes(StandardCharsets.UTF_8))
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
