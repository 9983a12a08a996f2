package com.souq.commerce.payment.command;

/** Opens the package-private Payment aggregate to tests of other packages that configure Axon around it. */
public final class PaymentAggregate {

    private PaymentAggregate() {
    }

    public static Class<?> type() {
        return Payment.class;
    }
}
