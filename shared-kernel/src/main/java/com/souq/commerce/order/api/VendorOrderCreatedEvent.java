package com.souq.commerce.order.api;

import com.souq.commerce.shared.pricing.VendorTotals;
import com.souq.commerce.shared.privacy.DataSubject;
import com.souq.commerce.shared.privacy.PersonalData;
import com.souq.commerce.vendor.api.VendorId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A vendor received its share of a paid order: its lines, shipping and VAT, and where to ship. */
@Revision("1")
public record VendorOrderCreatedEvent(VendorOrderId vendorOrderId, OrderId orderId, VendorId vendorId,
                                      @DataSubject String customerSubject, @PersonalData ShippingAddress address,
                                      List<OrderLine> lines, VendorTotals totals) {
}
