package com.souq.commerce.account.api;

import com.souq.commerce.shared.privacy.DataSubject;
import com.souq.commerce.shared.privacy.PersonalData;
import com.souq.commerce.vendor.api.VendorId;
import org.axonframework.serialization.Revision;

/**
 * A staff account was created: platform staff (AUDITOR, ANALYST, SUPPORT) or a vendor's staff ({@code vendorId} set).
 * Personal fields: {@code email}, {@code displayName}; their person is {@code accountId}. {@code createdBy} is the
 * subject of whoever created it.
 */
@Revision("1")
public record StaffAccountCreatedEvent(@DataSubject AccountId accountId, @PersonalData String email,
                                       @PersonalData String displayName, AccountRole role,
                                       VendorId vendorId, Language language, String createdBy) {
}
