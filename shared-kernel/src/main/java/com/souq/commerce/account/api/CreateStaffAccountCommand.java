package com.souq.commerce.account.api;

import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator (or, for vendor staff, the vendor's own staff) creates a staff account; its person sets a password
 * through the invitation mailed to them. {@code vendorId} is set exactly for {@link AccountRole#VENDOR}.
 */
public record CreateStaffAccountCommand(@TargetAggregateIdentifier AccountId accountId, String email,
                                        String displayName, AccountRole role, VendorId vendorId, Language language,
                                        String createdBy) {
}
