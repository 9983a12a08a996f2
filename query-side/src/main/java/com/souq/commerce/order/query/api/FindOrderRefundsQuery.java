package com.souq.commerce.order.query.api;

import com.souq.commerce.order.api.OrderId;

/** The refunds of an order, newest first; answers a list of {@link RefundView} (empty when none). */
public record FindOrderRefundsQuery(OrderId orderId) {
}
