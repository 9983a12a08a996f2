package com.souq.commerce.vendor.api;

/**
 * Where a vendor stands in onboarding. Only {@link #APPROVED} vendors publish listings and receive orders.
 * <pre>
 * APPLIED --KYC document--> UNDER_REVIEW --approve--> APPROVED <--reinstate/suspend--> SUSPENDED
 *                                        --reject---> REJECTED
 * </pre>
 */
public enum VendorStatus {
    APPLIED,
    UNDER_REVIEW,
    APPROVED,
    REJECTED,
    SUSPENDED
}
