package com.souq.commerce.ledger.query.api;

import java.util.Currency;

/** Every account's balance (one page, by currency and account) and the sum per currency; {@code currency} null: all. */
public record FindTrialBalanceQuery(Currency currency, int page, int size) {
}
