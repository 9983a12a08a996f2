package com.souq.commerce.order.command;

/** Opens the package-private VendorOrder aggregate to tests of other packages that configure Axon around it. */
public final class VendorOrderAggregate {

    private VendorOrderAggregate() {
    }

    public static Class<?> type() {
        return VendorOrder.class;
    }
}
