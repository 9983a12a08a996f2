package com.souq.commerce.wallet.api;

import java.util.Currency;
import org.axonframework.serialization.Revision;

/** A wallet came into being with its first movement: empty, for one owner and one currency. */
@Revision("1")
public record WalletOpenedEvent(WalletId walletId, WalletOwner owner, Currency currency) {
}
