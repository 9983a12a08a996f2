package com.souq.commerce.vendor.api;

import com.souq.commerce.shared.geo.CountryCode;
import java.util.Currency;
import org.axonframework.serialization.Revision;

/**
 * A seller applied to trade on the marketplace. Revision 2 carries a full {@link CommissionPlan};
 * revision 1 carried a single {@code commissionRateBasisPoints} and is upcast on read.
 */
@Revision("2")
public record VendorAppliedEvent(
        VendorId vendorId,
        String applicantSubject,
        String displayName,
        String legalName,
        CountryCode country,
        Currency currency,
        String contactEmail,
        CommissionPlan commissionPlan) {
}
