package com.souq.commerce.ledger.query.api;

import com.souq.commerce.order.api.OrderId;

/** The journal entries of one order, oldest first; empty while no money of the order was posted. */
public record FindOrderMoneyTrailQuery(OrderId orderId) {
}
