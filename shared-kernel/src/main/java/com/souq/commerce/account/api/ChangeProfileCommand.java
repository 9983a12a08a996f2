package com.souq.commerce.account.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The person changes their name, phone number (may be null) and the language of their mails. */
public record ChangeProfileCommand(@TargetAggregateIdentifier AccountId accountId, String displayName, String phone,
                                   Language language) {
}
