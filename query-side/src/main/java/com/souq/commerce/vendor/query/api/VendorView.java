package com.souq.commerce.vendor.query.api;

import com.souq.commerce.vendor.api.CommissionPlan;
import com.souq.commerce.vendor.api.KycDocumentType;
import com.souq.commerce.vendor.api.VendorStatus;
import java.time.Instant;
import java.util.List;

/**
 * A vendor as administrators, support and the vendor itself see it. {@code version} is the aggregate version this
 * view reflects: send it back as {@code If-Match} to make a command conditional on nothing having changed.
 */
public record VendorView(
        String vendorId,
        String displayName,
        String legalName,
        String country,
        String currency,
        String contactEmail,
        VendorStatus status,
        String statusReason,
        CommissionPlan commissionPlan,
        List<KycDocument> kycDocuments,
        String applicantSubject,
        Instant appliedAt,
        Instant updatedAt,
        long version) {

    public record KycDocument(KycDocumentType documentType, String reference, Instant submittedAt) {
    }
}
