package com.souq.commerce.account.api;

import com.souq.commerce.shared.privacy.DataSubject;
import com.souq.commerce.shared.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** New profile of the account. Personal fields: {@code displayName}, {@code phone}; the person is {@code accountId}. */
@Revision("1")
public record ProfileChangedEvent(@DataSubject AccountId accountId, @PersonalData String displayName,
                                  @PersonalData String phone, Language language) {
}
