package com.souq.commerce.account.api;

import org.axonframework.serialization.Revision;

/**
 * The person of this account was erased: their key of the personal data in events was deleted in the same transaction,
 * so their names, emails, phones, addresses and texts read as erased everywhere, in every event before this one too.
 * Ids, amounts, orders and the ledger stay. Read models blank what they still hold of the person. {@code erasedBy} is
 * the subject who asked.
 */
@Revision("1")
public record AccountErasedEvent(AccountId accountId, String erasedBy) {
}
