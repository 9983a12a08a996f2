package com.souq.commerce.ledger.query.api;

import com.souq.commerce.platform.web.PageResult;
import java.util.List;

/**
 * The trial balance: per currency the sums of all debits and credits and of all (debit-positive) balances, which is
 * zero in a sound ledger ({@code balanced}), and one page of the accounts.
 */
public record TrialBalance(boolean balanced, List<CurrencyTotal> totals, PageResult<AccountBalanceView> accounts) {
}
