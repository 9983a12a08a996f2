package com.souq.commerce.order.api;

import com.souq.commerce.shared.pricing.VendorTotals;
import com.souq.commerce.vendor.api.VendorId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Splitting gives a vendor its share of a paid order; creating the same vendor order twice changes nothing. */
public record CreateVendorOrderCommand(
        @TargetAggregateIdentifier VendorOrderId vendorOrderId,
        OrderId orderId,
        VendorId vendorId,
        String customerSubject,
        ShippingAddress address,
        List<OrderLine> lines,
        VendorTotals totals) {
}
