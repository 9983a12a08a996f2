package com.souq.commerce.wallet.api;

import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/** Money was set aside under hold {@code transactionId}; the balance is unchanged, {@code available} dropped. */
@Revision("1")
public record WalletFundsHeldEvent(WalletId walletId, WalletOwner owner, String transactionId, Money amount,
                                   String reference, Money balance, Money available) {
}
