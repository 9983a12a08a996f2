package com.souq.commerce.order.api;

import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.pricing.OrderTotals;
import com.souq.commerce.shared.privacy.DataSubject;
import com.souq.commerce.shared.privacy.PersonalData;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The order goes to its vendors unpaid: its {@code amountDue} is collected in cash on delivery. Carries what
 * splitting it needs, as {@link OrderPaidEvent} does.
 */
@Revision("1")
public record OrderConfirmedForCashOnDeliveryEvent(OrderId orderId, @DataSubject String customerSubject,
                                                   PaymentId paymentId, Money amountDue,
                                                   @PersonalData ShippingAddress address, List<OrderLine> lines,
                                                   OrderTotals totals) {
}
