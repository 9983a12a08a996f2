package com.souq.commerce.wallet.api;

import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/** Held money left the wallet: the balance dropped by {@code amount}, the available balance is unchanged. */
@Revision("1")
public record WalletHoldCapturedEvent(WalletId walletId, WalletOwner owner, String transactionId,
                                      String holdTransactionId, Money amount, String reference, Money balance,
                                      Money available) {
}
