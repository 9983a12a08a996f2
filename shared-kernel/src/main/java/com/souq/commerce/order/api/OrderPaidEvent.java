package com.souq.commerce.order.api;

import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.pricing.OrderTotals;
import com.souq.commerce.shared.privacy.DataSubject;
import com.souq.commerce.shared.privacy.PersonalData;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The order is paid. Carries what splitting it among its vendors needs: the lines, the totals per vendor, and where
 * to ship.
 */
@Revision("1")
public record OrderPaidEvent(OrderId orderId, @DataSubject String customerSubject, PaymentId paymentId,
                             Money amount, @PersonalData ShippingAddress address, List<OrderLine> lines,
                             OrderTotals totals) {
}
