package com.souq.commerce.vendor.command;

import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Reads a vendor's standing from its own event stream, inside the unit of work of the command that asks: the
 * command side never reads a read model, and a listing is published only if its vendor is approved at that moment.
 */
@Component
public class VendorStandings {

    private final Repository<Vendor> vendors;

    VendorStandings(Repository<Vendor> vendors) {
        this.vendors = vendors;
    }

    public VendorStanding of(VendorId vendorId) {
        try {
            return vendors.load(vendorId.value()).invoke(Vendor::standing);
        } catch (AggregateNotFoundException unknown) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.UNPROCESSABLE, "UNKNOWN_VENDOR",
                    "No vendor with id " + vendorId);
        }
    }
}
