package com.souq.commerce.listing.api;

/** The state of the item sold. */
public enum Condition {
    NEW,
    USED,
    REFURBISHED
}
