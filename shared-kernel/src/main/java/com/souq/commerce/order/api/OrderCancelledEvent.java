package com.souq.commerce.order.api;

import com.souq.commerce.shared.privacy.DataSubject;
import com.souq.commerce.shared.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * The order is cancelled for good: before payment (by the customer, staff or checkout), or after payment when every
 * vendor order was cancelled. {@code afterPayment} tells the two apart: money captured is the refund process's.
 */
@Revision("1")
public record OrderCancelledEvent(OrderId orderId, @DataSubject String customerSubject, CancellationParty party,
                                  String subject, @PersonalData String reason, boolean afterPayment) {
}
