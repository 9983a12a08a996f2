package com.souq.commerce.vendor.api;

import org.axonframework.serialization.Revision;

/** The vendor did not pass review. */
@Revision("1")
public record VendorRejectedEvent(VendorId vendorId, String reason) {
}
