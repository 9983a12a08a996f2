package com.souq.commerce.account.api;

import org.axonframework.serialization.Revision;

/** New profile of the account. Personal fields: {@code displayName}, {@code phone}; the person is {@code accountId}. */
@Revision("1")
public record ProfileChangedEvent(AccountId accountId, String displayName, String phone, Language language) {
}
