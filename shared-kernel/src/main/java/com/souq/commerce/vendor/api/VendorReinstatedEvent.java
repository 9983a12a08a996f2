package com.souq.commerce.vendor.api;

import org.axonframework.serialization.Revision;

/** A suspended vendor may sell again. */
@Revision("1")
public record VendorReinstatedEvent(VendorId vendorId) {
}
