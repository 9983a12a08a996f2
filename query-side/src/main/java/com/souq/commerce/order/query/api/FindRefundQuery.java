package com.souq.commerce.order.query.api;

import com.souq.commerce.order.api.RefundId;

/** One refund; answers an {@code Optional<RefundView>}. */
public record FindRefundQuery(RefundId refundId) {
}
