package com.souq.commerce.order.api;

import com.souq.commerce.shared.privacy.DataSubject;
import com.souq.commerce.shared.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A paid order is to be cancelled: every vendor order not yet shipped is asked to cancel. */
@Revision("1")
public record OrderCancellationRequestedEvent(OrderId orderId, @DataSubject String customerSubject,
                                              CancellationParty party, String subject,
                                              @PersonalData String reason) {
}
