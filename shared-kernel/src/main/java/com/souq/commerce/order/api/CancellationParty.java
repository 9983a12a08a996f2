package com.souq.commerce.order.api;

/** Who cancelled an order or a vendor's share of it. */
public enum CancellationParty {
    CUSTOMER,
    VENDOR,
    STAFF,
    /** The checkout process: stock could not be reserved, the payment failed or its deadline passed. */
    CHECKOUT
}
