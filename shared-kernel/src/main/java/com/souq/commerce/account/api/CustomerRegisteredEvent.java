package com.souq.commerce.account.api;

import com.souq.commerce.shared.privacy.DataSubject;
import com.souq.commerce.shared.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * A customer registered. Personal fields: {@code email}, {@code displayName}; their person is {@code accountId} (also
 * the {@code sub} of the account's tokens). No password or hash: those never enter the event store.
 */
@Revision("1")
public record CustomerRegisteredEvent(@DataSubject AccountId accountId, @PersonalData String email,
                                      @PersonalData String displayName, Language language) {
}
