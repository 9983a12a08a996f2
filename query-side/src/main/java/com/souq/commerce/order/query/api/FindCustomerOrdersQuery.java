package com.souq.commerce.order.query.api;

/** A page of one customer's orders, newest first, each with the statuses of its vendor orders. */
public record FindCustomerOrdersQuery(String customerSubject, int page, int size) {
}
