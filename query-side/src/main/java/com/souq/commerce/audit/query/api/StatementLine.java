package com.souq.commerce.audit.query.api;

import com.souq.commerce.shared.money.Money;
import java.time.Instant;

/**
 * One journal line of an account: the entry it belongs to, when the money moved, the amount debited or credited, and
 * the account's running balance after it (debit-positive, and in the account's normal direction).
 */
public record StatementLine(String entryId, int lineNo, String operation, String description, Instant occurredAt,
                            Money debit, Money credit, Money balance, Money balanceInNormalDirection) {
}
