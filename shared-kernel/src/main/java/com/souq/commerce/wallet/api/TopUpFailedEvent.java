package com.souq.commerce.wallet.api;

import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/** The provider declined a top-up (or could not be reached in time): nothing was deposited. Final. */
@Revision("1")
public record TopUpFailedEvent(WalletId walletId, WalletOwner owner, TopUpId topUpId, Money amount,
                               PaymentProvider provider, String providerReference, String reason) {
}
