package com.souq.commerce.payment.query.api;

import com.souq.commerce.order.api.OrderId;

/** The payment of an order (the latest, should there ever be several); an empty Optional until it is requested. */
public record FindOrderPaymentQuery(OrderId orderId) {
}
