package com.souq.commerce.ledger.query.api;

import com.souq.commerce.shared.money.Money;

/** The sums of one currency over every account: {@code balance} = debits - credits, zero when balanced. */
public record CurrencyTotal(String currency, Money debits, Money credits, Money balance, long accounts) {
}
