package com.souq.commerce.wallet.api;

import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/** The payout provider accepted the payout under {@code providerReference}; the money is still held. */
@Revision("1")
public record PayoutSubmittedEvent(WalletId walletId, WalletOwner owner, PayoutId payoutId, Money amount,
                                   String providerReference) {
}
