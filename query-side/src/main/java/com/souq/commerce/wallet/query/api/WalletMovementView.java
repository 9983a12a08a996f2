package com.souq.commerce.wallet.query.api;

import com.souq.commerce.shared.money.Money;
import java.time.Instant;

/**
 * One movement of a wallet's statement: {@code amount} moved, its effect on the balance ({@code balanceChange}: + for
 * a deposit, - for a capture or withdrawal, 0 for a hold or release), and the running balances after it.
 */
public record WalletMovementView(long sequence, String transactionId, String type, String holdTransactionId,
                                 Money amount, Money balanceChange, Money balanceAfter, Money availableAfter,
                                 String reference, Instant occurredAt) {
}
