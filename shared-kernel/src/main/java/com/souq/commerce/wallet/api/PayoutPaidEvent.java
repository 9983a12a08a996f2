package com.souq.commerce.wallet.api;

import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/**
 * The provider paid {@code amount} out to the owner's bank: the hold was captured under
 * {@code captureTransactionId} (applied just before this event), which is also the id of the payout's journal entry.
 */
@Revision("1")
public record PayoutPaidEvent(WalletId walletId, WalletOwner owner, PayoutId payoutId, Money amount,
                              String providerReference, String captureTransactionId) {
}
