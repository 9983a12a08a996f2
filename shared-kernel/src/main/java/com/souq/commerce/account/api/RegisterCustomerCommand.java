package com.souq.commerce.account.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A person registers as a customer; the password is checked and hashed before, and never travels in a message. */
public record RegisterCustomerCommand(@TargetAggregateIdentifier AccountId accountId, String email, String displayName,
                                      Language language) {
}
