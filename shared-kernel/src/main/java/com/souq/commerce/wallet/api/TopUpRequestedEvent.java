package com.souq.commerce.wallet.api;

import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/** A customer asked to pay {@code amount} into the wallet through the provider and method of {@code instruction}. */
@Revision("1")
public record TopUpRequestedEvent(WalletId walletId, WalletOwner owner, TopUpId topUpId, Money amount,
                                  PaymentInstruction instruction, String requestedBy) {
}
