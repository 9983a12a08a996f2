package com.souq.commerce.order.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.souq.commerce.shared.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identity of one refund of a vendor order. A customer's request takes a random id; the automatic refund of a share
 * that was rejected or cancelled derives its id from the vendor order (a name-based UUID), so it exists once.
 */
public record RefundId(String value) {

    public RefundId {
        Identifiers.requireValid("refund", value);
    }

    @JsonCreator
    public static RefundId of(String value) {
        return new RefundId(value);
    }

    public static RefundId random() {
        return new RefundId(Identifiers.random());
    }

    public static RefundId forWithdrawal(VendorOrderId vendorOrderId) {
        return new RefundId(UUID.nameUUIDFromBytes(("refund-withdrawal:" + vendorOrderId.value())
                .getBytes(StandardCharsets.UTF_8)).toString());
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
