package com.souq.commerce.order.api;

import com.souq.commerce.shared.money.Money;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The customer asks for money back on a vendor order: either some of its lines ({@code lines}: each line's goods and
 * their VAT, pro rata of the quantity) or an {@code amount}; neither means what is left of the share. {@code subject}
 * is the customer asking, or null when staff ask on the customer's behalf. {@code restock} puts returned items of the
 * refunded lines back to stock once the refund is approved. Repeating a request (same id, same content) changes
 * nothing.
 */
public record RequestRefundCommand(
        @TargetAggregateIdentifier VendorOrderId vendorOrderId,
        RefundId refundId,
        String subject,
        List<RefundLine> lines,
        Money amount,
        RefundDestination destination,
        boolean restock,
        String reason) {
}
