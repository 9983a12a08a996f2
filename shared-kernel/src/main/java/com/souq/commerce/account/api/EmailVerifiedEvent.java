package com.souq.commerce.account.api;

import org.axonframework.serialization.Revision;

/** The account's person showed they read mail at {@code email} (personal field); the person is {@code accountId}. */
@Revision("1")
public record EmailVerifiedEvent(AccountId accountId, String email) {
}
