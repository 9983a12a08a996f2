package com.souq.commerce.vendor.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** An administrator turns down a vendor under review, saying why. */
public record RejectVendorCommand(
        @TargetAggregateIdentifier VendorId vendorId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
