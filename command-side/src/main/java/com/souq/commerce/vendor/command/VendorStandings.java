package com.souq.commerce.vendor.command;

import com.souq.commerce.platform.axon.ReadOnlyAggregates;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Reads a vendor's standing from its own event stream, inside the unit of work of the command that asks, without
 * locking it (see {@link ReadOnlyAggregates}): the
 * command side never reads a read model, and a listing is published only if its vendor is approved at that moment.
 */
@Component
public class VendorStandings {

    private final Configuration axon;
    private volatile ReadOnlyAggregates<Vendor> vendors;

    VendorStandings(Configuration axon) {
        this.axon = axon;
    }

    private ReadOnlyAggregates<Vendor> vendors() {
        if (vendors == null) {
            vendors = ReadOnlyAggregates.of(Vendor.class, axon);
        }
        return vendors;
    }

    public VendorStanding of(VendorId vendorId) {
        try {
            return vendors().read(vendorId.value(), Vendor::standing);
        } catch (AggregateNotFoundException unknown) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.UNPROCESSABLE, "UNKNOWN_VENDOR",
                    "No vendor with id " + vendorId);
        }
    }
}
