package com.souq.commerce.vendor.api;

import org.axonframework.serialization.Revision;

/** The commission plan for the vendor's future orders changed; the previous plan is kept for the record. */
@Revision("1")
public record CommissionPlanChangedEvent(VendorId vendorId, CommissionPlan previousPlan, CommissionPlan newPlan) {
}
