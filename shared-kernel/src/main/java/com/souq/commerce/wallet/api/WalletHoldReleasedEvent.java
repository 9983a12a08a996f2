package com.souq.commerce.wallet.api;

import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/** What a hold still kept went back to the available balance; the hold is closed. */
@Revision("1")
public record WalletHoldReleasedEvent(WalletId walletId, WalletOwner owner, String transactionId,
                                      String holdTransactionId, Money amount, Money balance, Money available) {
}
