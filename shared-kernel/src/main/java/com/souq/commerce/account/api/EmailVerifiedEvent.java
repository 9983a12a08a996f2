package com.souq.commerce.account.api;

import com.souq.commerce.shared.privacy.DataSubject;
import com.souq.commerce.shared.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** The account's person showed they read mail at {@code email} (personal field); the person is {@code accountId}. */
@Revision("1")
public record EmailVerifiedEvent(@DataSubject AccountId accountId, @PersonalData String email) {
}
