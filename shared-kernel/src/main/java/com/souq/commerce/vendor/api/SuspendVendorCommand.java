package com.souq.commerce.vendor.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** An administrator stops an approved vendor from selling, saying why, until it is reinstated. */
public record SuspendVendorCommand(
        @TargetAggregateIdentifier VendorId vendorId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
