package com.souq.commerce.order.api;

/** Where refunded money goes: back through the provider that took it, or into the customer's wallet. */
public enum RefundDestination {
    /** Back to the card or account the order was paid with, through the same provider. */
    ORIGINAL_PAYMENT,
    /** Into the customer's wallet with the marketplace, in the order's currency. */
    CUSTOMER_WALLET
}
