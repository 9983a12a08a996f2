package com.souq.commerce.account.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The account's person proved they receive mail at its address (a mailed single-use token was presented). */
public record VerifyEmailCommand(@TargetAggregateIdentifier AccountId accountId) {
}
