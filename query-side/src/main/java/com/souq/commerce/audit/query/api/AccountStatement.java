package com.souq.commerce.audit.query.api;

import com.souq.commerce.platform.web.PageResult;
import com.souq.commerce.shared.money.Money;
import java.time.Instant;

/**
 * An account's journal lines in one currency between {@code from} (inclusive) and {@code to} (exclusive), oldest
 * first: the balance before the first ({@code opening}), after the last of the period ({@code closing}), and one page
 * of lines, each with its running balance. Balances are debit-positive.
 */
public record AccountStatement(String account, String currency, Instant from, Instant to, Money opening,
                               Money closing, PageResult<StatementLine> lines) {
}
