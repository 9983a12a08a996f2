package com.souq.commerce.account.query.api;

import com.souq.commerce.account.api.AccountId;

/** One account as its person and support see it; an empty Optional when it is unknown. */
public record FindAccountQuery(AccountId accountId) {
}
