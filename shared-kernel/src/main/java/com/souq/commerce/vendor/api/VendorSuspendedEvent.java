package com.souq.commerce.vendor.api;

import org.axonframework.serialization.Revision;

/** The vendor may not sell until it is reinstated; its listings leave the storefront. */
@Revision("1")
public record VendorSuspendedEvent(VendorId vendorId, String reason) {
}
