package com.souq.commerce.order.api;

import com.souq.commerce.cart.api.CartId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.shared.pricing.OrderTotals;
import com.souq.commerce.shared.privacy.DataSubject;
import com.souq.commerce.shared.privacy.PersonalData;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An order was placed from a checked-out cart: checkout (stock, payment) starts from here. */
@Revision("1")
public record OrderPlacedEvent(OrderId orderId, CartId cartId, @DataSubject String customerSubject,
                               @PersonalData ShippingAddress address,
                               List<OrderLine> lines, OrderTotals totals,
                               PaymentInstruction payment) {
}
