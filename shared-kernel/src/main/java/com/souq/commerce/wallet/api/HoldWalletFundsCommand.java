package com.souq.commerce.wallet.api;

import com.souq.commerce.shared.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets {@code amount} of the available balance aside under {@code transactionId} (the hold's id, named by its capture
 * or release). More than is available is refused with {@link WalletMovementRefusedEvent}, never an exception, so a
 * process may ask and react.
 */
public record HoldWalletFundsCommand(
        @TargetAggregateIdentifier WalletId walletId,
        WalletOwner owner,
        String transactionId,
        Money amount,
        String reference) {

    public static HoldWalletFundsCommand of(WalletOwner owner, String transactionId, Money amount, String reference) {
        return new HoldWalletFundsCommand(WalletId.of(owner, amount.currency()), owner, transactionId, amount,
                reference);
    }
}
