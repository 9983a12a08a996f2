package com.souq.commerce.vendor.api;

import com.souq.commerce.shared.pricing.ShippingPolicy;
import org.axonframework.serialization.Revision;

/** The vendor's shipping policy for future orders; the previous one is kept for the record (null: free). */
@Revision("1")
public record ShippingPolicySetEvent(VendorId vendorId, ShippingPolicy previousPolicy, ShippingPolicy policy) {
}
