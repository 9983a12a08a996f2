package com.souq.commerce.account.api;

/**
 * What an account is: a customer who registered, a vendor's staff member (acting only for its vendor), or a member of
 * the platform's staff created by an administrator, or the
 * administrator the configuration names. The name is the role its access tokens carry.
 */
public enum AccountRole {
    CUSTOMER,
    VENDOR,
    AUDITOR,
    ANALYST,
    SUPPORT,
    /** Only the bootstrap administrator named in the configuration; no endpoint creates one. */
    ADMIN;

    /** The staff roles an administrator creates accounts for. */
    public boolean isPlatformStaff() {
        return this == AUDITOR || this == ANALYST || this == SUPPORT;
    }
}
