package com.souq.commerce.payment.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.shared.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identity of a Payment. The payment of an order is derived from the order id (a name-based UUID), so a checkout
 * retried after a crash asks for the same payment, never a second one.
 */
public record PaymentId(String value) {

    public PaymentId {
        Identifiers.requireValid("payment", value);
    }

    @JsonCreator
    public static PaymentId of(String value) {
        return new PaymentId(value);
    }

    public static PaymentId forOrder(OrderId orderId) {
        return new PaymentId(UUID.nameUUIDFromBytes(("payment:" + orderId.value()).getBytes(StandardCharsets.UTF_8))
                .toString());
    }

    /** The wallet transaction that holds the part of this payment the customer's wallet pays. */
    public String walletHoldTransactionId() {
        return "payment-hold:" + value;
    }

    /** The wallet transaction that captures that hold once the payment is captured. */
    public String walletCaptureTransactionId() {
        return "payment-capture:" + value;
    }

    /** The wallet transaction that gives that hold back when the payment fails or is cancelled. */
    public String walletReleaseTransactionId() {
        return "payment-release:" + value;
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
