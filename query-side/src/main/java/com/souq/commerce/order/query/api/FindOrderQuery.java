package com.souq.commerce.order.query.api;

import com.souq.commerce.order.api.OrderId;

/**
 * One order with its lines, vendor orders, payment status and timeline; answered with an empty Optional when it is
 * unknown (who may see it is the caller's business). Also the subscription query behind an order's live updates.
 */
public record FindOrderQuery(OrderId orderId) {
}
