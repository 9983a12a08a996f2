package com.souq.commerce.vendor.command;

import com.souq.commerce.shared.pricing.ShippingPolicy;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.vendor.api.VendorStatus;
import java.util.Currency;

/** What other aggregates may know of a vendor: whether it may sell, in which currency, and how it ships. */
public record VendorStanding(VendorId vendorId, VendorStatus status, Currency currency, ShippingPolicy shipping) {

    public boolean maySell() {
        return status == VendorStatus.APPROVED;
    }

    public boolean mayDraftListings() {
        return status != VendorStatus.REJECTED;
    }
}
