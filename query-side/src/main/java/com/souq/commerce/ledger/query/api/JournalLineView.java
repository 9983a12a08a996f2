package com.souq.commerce.ledger.query.api;

import com.souq.commerce.shared.money.Money;

/** One line of an entry: what it debits or credits to an account (the other side is zero). */
public record JournalLineView(int lineNo, String account, Money debit, Money credit) {
}
