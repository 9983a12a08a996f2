package com.souq.commerce.order.query.api;

import java.time.Instant;

/**
 * One thing that happened to an order, its vendor orders, its payment or its stock: when, what ({@code type} is the
 * event's name without "Event"), a line for people, who made it happen and, for a vendor's share or stock, which
 * vendor.
 */
public record TimelineEntry(
        Instant at,
        String type,
        String description,
        Actor actor,
        String actorSubject,
        String vendorId) {

    /** Who made something happen; ENGINE stands for checkout, order splitting and the other processes. */
    public enum Actor {
        CUSTOMER,
        VENDOR,
        STAFF,
        PAYMENT_PROVIDER,
        ENGINE
    }
}
