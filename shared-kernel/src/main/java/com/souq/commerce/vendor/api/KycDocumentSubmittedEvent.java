package com.souq.commerce.vendor.api;

import org.axonframework.serialization.Revision;

/** A KYC document was handed in; the first one puts the vendor under review. */
@Revision("1")
public record KycDocumentSubmittedEvent(VendorId vendorId, KycDocumentType documentType, String reference) {
}
