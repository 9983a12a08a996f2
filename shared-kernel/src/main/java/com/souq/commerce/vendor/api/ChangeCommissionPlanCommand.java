package com.souq.commerce.vendor.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** An administrator sets the commission plan used for the vendor's future orders. */
public record ChangeCommissionPlanCommand(
        @TargetAggregateIdentifier VendorId vendorId,
        CommissionPlan commissionPlan,
        @TargetAggregateVersion Long expectedVersion) {
}
