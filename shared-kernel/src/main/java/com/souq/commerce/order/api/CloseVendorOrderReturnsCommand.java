package com.souq.commerce.order.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The return window of a delivered vendor order passed: no refund is requested or approved from now on, a request
 * still open is declined. Answers the total of the refunds approved (a {@code Money}), which the vendor's payable no
 * longer owes. Closing twice changes nothing and answers the same.
 */
public record CloseVendorOrderReturnsCommand(@TargetAggregateIdentifier VendorOrderId vendorOrderId) {
}
