package com.souq.commerce.saga.commission;

import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Rate;
import com.souq.commerce.vendor.api.CommissionPlan;
import com.souq.commerce.vendor.api.VendorId;
import java.time.Instant;
import java.util.Map;

/**
 * What a vendor's commission is computed with, as it stood at one instant: the vendor's country (whose VAT applies
 * to the commission), its commission plan, and the category of each listing sold.
 */
public record CommissionTerms(VendorId vendorId, CountryCode country, CommissionPlan plan,
                              Map<ListingId, String> categories, Instant asOf) {

    public CommissionTerms {
        categories = Map.copyOf(categories);
    }

    /** The rate for a listing: its category's override in the plan, else the plan's default. */
    public Rate rateFor(ListingId listingId) {
        String category = categories.get(listingId);
        return category == null ? plan.defaultRate() : plan.rateFor(category);
    }

    public String categoryOf(ListingId listingId) {
        return categories.get(listingId);
    }
}
