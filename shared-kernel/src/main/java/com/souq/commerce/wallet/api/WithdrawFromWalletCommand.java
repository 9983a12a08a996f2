package com.souq.commerce.wallet.api;

import com.souq.commerce.shared.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Money out of the available balance. Held money is not available: withdrawing more than the available balance is
 * refused with {@link WalletMovementRefusedEvent}.
 */
public record WithdrawFromWalletCommand(
        @TargetAggregateIdentifier WalletId walletId,
        WalletOwner owner,
        String transactionId,
        Money amount,
        String reference) {

    public static WithdrawFromWalletCommand of(WalletOwner owner, String transactionId, Money amount,
                                               String reference) {
        return new WithdrawFromWalletCommand(WalletId.of(owner, amount.currency()), owner, transactionId, amount,
                reference);
    }
}
