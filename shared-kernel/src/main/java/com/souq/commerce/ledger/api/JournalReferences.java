package com.souq.commerce.ledger.api;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.vendor.api.VendorId;

/**
 * What a journal entry is about, each where known ({@code null} otherwise): the order, the vendor's share and vendor,
 * the payment, and the customer. Lets an auditor find an order's money trail without joining other records.
 */
public record JournalReferences(OrderId orderId, VendorOrderId vendorOrderId, VendorId vendorId, PaymentId paymentId,
                                String customerSubject) {

    public static JournalReferences none() {
        return new JournalReferences(null, null, null, null, null);
    }
}
