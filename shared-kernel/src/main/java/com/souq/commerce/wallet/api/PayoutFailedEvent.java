package com.souq.commerce.wallet.api;

import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/** The provider did not pay the payout out ({@code reason}): its hold was released, the money is available again. */
@Revision("1")
public record PayoutFailedEvent(WalletId walletId, WalletOwner owner, PayoutId payoutId, Money amount,
                                String providerReference, String reason) {
}
