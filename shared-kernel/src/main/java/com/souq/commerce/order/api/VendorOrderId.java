package com.souq.commerce.order.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.souq.commerce.shared.Identifiers;
import com.souq.commerce.vendor.api.VendorId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identity of one vendor's share of an order, derived from the order and the vendor (a name-based UUID): splitting an
 * order twice reaches the same vendor orders, never copies.
 */
public record VendorOrderId(String value) {

    public VendorOrderId {
        Identifiers.requireValid("vendor order", value);
    }

    @JsonCreator
    public static VendorOrderId of(String value) {
        return new VendorOrderId(value);
    }

    public static VendorOrderId of(OrderId orderId, VendorId vendorId) {
        return new VendorOrderId(UUID.nameUUIDFromBytes(("vendor-order:" + orderId.value() + "/" + vendorId.value())
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
