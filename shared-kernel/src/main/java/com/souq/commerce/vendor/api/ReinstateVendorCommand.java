package com.souq.commerce.vendor.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** An administrator lets a suspended vendor sell again. */
public record ReinstateVendorCommand(
        @TargetAggregateIdentifier VendorId vendorId,
        @TargetAggregateVersion Long expectedVersion) {
}
