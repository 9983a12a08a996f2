package com.souq.commerce.account.api;

import org.axonframework.serialization.Revision;

/** The account's password was set, reset or changed. Carries no password and no hash. */
@Revision("1")
public record PasswordChangedEvent(AccountId accountId, PasswordChange change) {
}
