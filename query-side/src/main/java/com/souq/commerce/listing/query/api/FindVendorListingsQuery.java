package com.souq.commerce.listing.query.api;

import com.souq.commerce.listing.api.ListingStatus;
import com.souq.commerce.vendor.api.VendorId;

/** A page of one vendor's listings, newest first, optionally only those in one status ({@code null}: all). */
public record FindVendorListingsQuery(VendorId vendorId, ListingStatus status, int page, int size) {
}
