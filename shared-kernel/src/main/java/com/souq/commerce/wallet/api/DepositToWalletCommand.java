package com.souq.commerce.wallet.api;

import com.souq.commerce.shared.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Money into a wallet: a customer's top-up, or a vendor's earnings released from its payable (then
 * {@code transactionId} is the release's journal entry id, so wallet and ledger name the same movement). Opens the
 * wallet on its first movement. Repeating a transaction changes nothing.
 */
public record DepositToWalletCommand(
        @TargetAggregateIdentifier WalletId walletId,
        WalletOwner owner,
        String transactionId,
        Money amount,
        String reference) {

    public static DepositToWalletCommand of(WalletOwner owner, String transactionId, Money amount, String reference) {
        return new DepositToWalletCommand(WalletId.of(owner, amount.currency()), owner, transactionId, amount,
                reference);
    }
}
