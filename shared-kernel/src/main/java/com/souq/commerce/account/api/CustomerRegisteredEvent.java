package com.souq.commerce.account.api;

import org.axonframework.serialization.Revision;

/**
 * A customer registered. Personal fields: {@code email}, {@code displayName}; their person is {@code accountId} (also
 * the {@code sub} of the account's tokens). No password or hash: those never enter the event store.
 */
@Revision("1")
public record CustomerRegisteredEvent(AccountId accountId, String email, String displayName, Language language) {
}
