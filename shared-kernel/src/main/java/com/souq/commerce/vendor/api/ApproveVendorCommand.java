package com.souq.commerce.vendor.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** An administrator approves a vendor under review: it may publish and sell from now on. */
public record ApproveVendorCommand(
        @TargetAggregateIdentifier VendorId vendorId,
        @TargetAggregateVersion Long expectedVersion) {
}
