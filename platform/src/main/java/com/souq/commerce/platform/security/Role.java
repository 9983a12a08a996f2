package com.souq.commerce.platform.security;

/** Who may call what. A token's {@code roles} claim lists these names; endpoints admit some of them. */
public enum Role {
    CUSTOMER,
    VENDOR,
    ADMIN,
    AUDITOR,
    ANALYST,
    SUPPORT
}
