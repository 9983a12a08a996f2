package com.souq.commerce.order.api;

/** Where a vendor's share of an order stands: CREATED → ACCEPTED → SHIPPED → DELIVERED, or REJECTED / CANCELLED. */
public enum VendorOrderStatus {
    CREATED,
    ACCEPTED,
    SHIPPED,
    DELIVERED,
    REJECTED,
    CANCELLED;

    public boolean isFinal() {
        return this == DELIVERED || this == REJECTED || this == CANCELLED;
    }

    /** Goods have left the vendor: the share can no longer be cancelled, only returned. */
    public boolean hasShipped() {
        return this == SHIPPED || this == DELIVERED;
    }
}
