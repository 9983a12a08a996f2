package com.souq.commerce.ledger.query.api;

import com.souq.commerce.shared.money.Money;

/**
 * One account in one currency: its total debits and credits, its {@code balance} (debit-positive: debits - credits)
 * and the same balance read in the account's normal direction ({@code normalBalance} DEBIT or CREDIT), which is
 * positive when the account holds what it normally holds (what a vendor is owed, what the provider holds).
 */
public record AccountBalanceView(String account, String kind, String normalBalance, Money debits, Money credits,
                                 Money balance, Money balanceInNormalDirection) {
}
