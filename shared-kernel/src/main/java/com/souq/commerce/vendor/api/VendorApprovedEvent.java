package com.souq.commerce.vendor.api;

import org.axonframework.serialization.Revision;

/** The vendor passed review and may publish listings and receive orders. */
@Revision("1")
public record VendorApprovedEvent(VendorId vendorId) {
}
