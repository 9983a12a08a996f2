package com.souq.commerce.vendor.query.api;

import com.souq.commerce.vendor.api.VendorStatus;

/** A page of vendors, newest applications first, optionally only those in one status ({@code null}: all). */
public record FindVendorsQuery(VendorStatus status, int page, int size) {
}
