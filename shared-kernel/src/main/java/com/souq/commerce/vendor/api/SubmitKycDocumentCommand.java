package com.souq.commerce.vendor.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The applicant hands in a KYC document by type and a reference to where it is stored. */
public record SubmitKycDocumentCommand(
        @TargetAggregateIdentifier VendorId vendorId,
        KycDocumentType documentType,
        String reference,
        String submittedBy,
        @TargetAggregateVersion Long expectedVersion) {
}
