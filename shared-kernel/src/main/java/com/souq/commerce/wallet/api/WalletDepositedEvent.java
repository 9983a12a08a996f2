package com.souq.commerce.wallet.api;

import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/** Money came in. {@code balance} and {@code available} are the wallet's after the movement. */
@Revision("1")
public record WalletDepositedEvent(WalletId walletId, WalletOwner owner, String transactionId, Money amount,
                                   String reference, Money balance, Money available) {
}
