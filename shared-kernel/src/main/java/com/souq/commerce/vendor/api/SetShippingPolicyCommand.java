package com.souq.commerce.vendor.api;

import com.souq.commerce.shared.pricing.ShippingPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The vendor sets what it charges to ship one order, and from which order value shipping is free. */
public record SetShippingPolicyCommand(
        @TargetAggregateIdentifier VendorId vendorId,
        ShippingPolicy policy,
        @TargetAggregateVersion Long expectedVersion) {
}
