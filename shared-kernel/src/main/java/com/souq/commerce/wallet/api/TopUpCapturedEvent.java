package com.souq.commerce.wallet.api;

import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/**
 * The provider captured a top-up and the wallet received it: the deposit is the transaction
 * {@code depositTransactionId}, which is also the id of the journal entry {@code top-up:<topUpId>} (provider's
 * clearing account → the owner's wallet account). Happens once per top-up.
 */
@Revision("1")
public record TopUpCapturedEvent(WalletId walletId, WalletOwner owner, TopUpId topUpId, Money amount,
                                 PaymentProvider provider, String providerReference, String depositTransactionId) {
}
