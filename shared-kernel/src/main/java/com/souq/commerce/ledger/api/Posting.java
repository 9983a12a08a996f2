package com.souq.commerce.ledger.api;

import com.souq.commerce.shared.money.Money;

/**
 * One line of a journal entry: an amount debited or credited to an account. The amount is positive; which way the
 * money goes is the side. A journal entry refuses a line of nothing or less.
 */
public record Posting(LedgerAccount account, Side side, Money amount) {

    /** The side of the entry a line stands on. */
    public enum Side { DEBIT, CREDIT }

    public static Posting debit(LedgerAccount account, Money amount) {
        return new Posting(account, Side.DEBIT, amount);
    }

    public static Posting credit(LedgerAccount account, Money amount) {
        return new Posting(account, Side.CREDIT, amount);
    }

    /** The line's effect on the account's debit-positive balance: +amount for a debit, -amount for a credit. */
    public Money signedAmount() {
        return side == Side.DEBIT ? amount : amount.negated();
    }
}
