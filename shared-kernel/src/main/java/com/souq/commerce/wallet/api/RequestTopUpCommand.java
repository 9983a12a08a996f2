package com.souq.commerce.wallet.api;

import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.shared.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A customer pays {@code amount} into their wallet through a payment provider ({@code instruction}); the wallet
 * receives it once the provider captured it. Opens the wallet on its first movement; asking again for the same
 * top-up changes nothing, the same id with other content is refused.
 */
public record RequestTopUpCommand(
        @TargetAggregateIdentifier WalletId walletId,
        WalletOwner owner,
        TopUpId topUpId,
        Money amount,
        PaymentInstruction instruction,
        String requestedBy) {

    public static RequestTopUpCommand of(WalletOwner owner, TopUpId topUpId, Money amount,
                                         PaymentInstruction instruction, String requestedBy) {
        return new RequestTopUpCommand(WalletId.of(owner, amount.currency()), owner, topUpId, amount, instruction,
                requestedBy);
    }
}
