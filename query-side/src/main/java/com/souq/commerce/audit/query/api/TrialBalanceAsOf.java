package com.souq.commerce.audit.query.api;

import com.souq.commerce.ledger.query.api.AccountBalanceView;
import com.souq.commerce.ledger.query.api.CurrencyTotal;
import com.souq.commerce.platform.web.PageResult;
import java.time.Instant;
import java.util.List;

/**
 * The trial balance as of an instant, computed by replaying the event store: the sums per currency over every account
 * ({@code balanced} when each is zero) and one page of the accounts, sorted by currency and account.
 */
public record TrialBalanceAsOf(Instant asOf, long replayedEvents, long lastPosition, double replayMillis,
                               boolean balanced, List<CurrencyTotal> totals, PageResult<AccountBalanceView> accounts) {
}
