package com.souq.commerce.wallet.api;

import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/**
 * The owner asked to take {@code amount} out through the payout provider ({@code method}); the wallet holds it under
 * {@link PayoutId#holdTransactionId()} (applied just before this event).
 */
@Revision("1")
public record PayoutRequestedEvent(WalletId walletId, WalletOwner owner, PayoutId payoutId, Money amount,
                                   String method, String requestedBy) {
}
