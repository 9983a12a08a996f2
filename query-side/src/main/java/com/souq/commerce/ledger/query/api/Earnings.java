package com.souq.commerce.ledger.query.api;

import com.souq.commerce.shared.money.Money;

/**
 * A vendor's earnings in one currency: {@code pending} is owed but still within return windows (its
 * {@code vendor-payable} account), {@code available} is in its wallet (its {@code vendor-wallet} account, equal to the
 * wallet's balance), {@code paidOut} has gone to its bank (its payouts the provider paid).
 */
public record Earnings(String currency, Money pending, Money available, Money paidOut) {
}
