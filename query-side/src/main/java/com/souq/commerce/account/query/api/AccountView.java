package com.souq.commerce.account.query.api;

import com.souq.commerce.account.api.PostalAddress;
import java.time.Instant;
import java.util.List;

/** An account: who it is, its role (and vendor for vendor staff), its profile and saved addresses. */
public record AccountView(String accountId, String email, String displayName, String phone, String language,
                          String role, String vendorId, boolean emailVerified, List<PostalAddress> addresses,
                          Instant createdAt, Instant verifiedAt, Instant passwordChangedAt, Instant updatedAt,
                          long version) {
}
