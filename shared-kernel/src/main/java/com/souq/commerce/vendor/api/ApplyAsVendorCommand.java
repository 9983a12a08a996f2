package com.souq.commerce.vendor.api;

import com.souq.commerce.shared.geo.CountryCode;
import java.util.Currency;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A seller asks to trade on the marketplace; the applicant is the signed-in subject that sends it. */
public record ApplyAsVendorCommand(
        @TargetAggregateIdentifier VendorId vendorId,
        String applicantSubject,
        String displayName,
        String legalName,
        CountryCode country,
        Currency currency,
        String contactEmail,
        CommissionPlan commissionPlan) {
}
