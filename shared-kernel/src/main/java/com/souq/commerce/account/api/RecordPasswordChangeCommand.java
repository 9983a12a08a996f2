package com.souq.commerce.account.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the account's password was set, reset or changed; the hash itself lives outside the event store. */
public record RecordPasswordChangeCommand(@TargetAggregateIdentifier AccountId accountId, PasswordChange change) {
}
