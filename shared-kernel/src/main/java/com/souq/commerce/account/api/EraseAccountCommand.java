package com.souq.commerce.account.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase the person of this account (right to erasure): their key of the personal data in events is deleted, so every
 * personal text of theirs reads as erased from then on. {@code erasedBy} is the subject who asked (the person, or
 * support or an administrator for them). Erasing an erased account changes nothing.
 */
public record EraseAccountCommand(@TargetAggregateIdentifier AccountId accountId, String erasedBy) {
}
