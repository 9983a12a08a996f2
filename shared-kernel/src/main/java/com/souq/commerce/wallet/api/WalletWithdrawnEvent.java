package com.souq.commerce.wallet.api;

import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/** Money left the wallet from its available balance. */
@Revision("1")
public record WalletWithdrawnEvent(WalletId walletId, WalletOwner owner, String transactionId, Money amount,
                                   String reference, Money balance, Money available) {
}
