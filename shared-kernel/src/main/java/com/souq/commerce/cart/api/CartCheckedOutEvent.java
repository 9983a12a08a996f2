package com.souq.commerce.cart.api;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.order.api.ShippingAddress;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.shared.pricing.OrderTotals;
import com.souq.commerce.shared.privacy.DataSubject;
import com.souq.commerce.shared.privacy.PersonalData;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The cart was frozen into an order: its lines and their totals (per vendor, shipping, VAT by the shipping country)
 * as priced at that instant. The cart is empty afterwards.
 */
@Revision("1")
public record CartCheckedOutEvent(CartId cartId, OrderId orderId, @DataSubject String customerSubject,
                                  @PersonalData ShippingAddress address,
                                  List<OrderLine> lines, OrderTotals totals,
                                  PaymentInstruction payment) {
}
