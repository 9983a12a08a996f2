package com.souq.commerce.audit.query.api;

import com.souq.commerce.ledger.query.api.AccountBalanceView;
import java.time.Instant;
import java.util.List;

/**
 * One account's balance in each of its currencies as of an instant, computed by replaying the event store:
 * {@code replayedEvents} journal entries up to store position {@code lastPosition}, in {@code replayMillis}.
 */
public record BalanceAsOf(String account, Instant asOf, long replayedEvents, long lastPosition, double replayMillis,
                          List<AccountBalanceView> balances) {
}
