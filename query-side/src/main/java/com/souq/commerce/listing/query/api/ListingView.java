package com.souq.commerce.listing.query.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.souq.commerce.listing.api.Category;
import com.souq.commerce.listing.api.ListingAttributes;
import com.souq.commerce.listing.api.ListingStatus;
import com.souq.commerce.listing.api.LocalizedText;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorStatus;
import java.time.Instant;

/**
 * A listing as the storefront, its vendor and staff see it. {@code vendorStatus} is {@code null} while the catalog
 * has not heard of the vendor. {@code version} is the aggregate version this view reflects: send it back as
 * {@code If-Match} to make a command conditional on nothing having changed.
 */
public record ListingView(
        String listingId,
        String vendorId,
        VendorStatus vendorStatus,
        ListingStatus status,
        Category category,
        LocalizedText title,
        LocalizedText description,
        ListingAttributes attributes,
        Money price,
        Stock stock,
        Instant createdAt,
        Instant publishedAt,
        Instant updatedAt,
        long version) {

    /** On the storefront: published by a vendor that may sell. */
    @JsonIgnore
    public boolean isPublic() {
        return status == ListingStatus.PUBLISHED && vendorStatus == VendorStatus.APPROVED;
    }

    /** Units in the vendor's hands, units held for orders, and what a new order can still reserve. */
    public record Stock(int onHand, int reserved, int available) {
    }
}
