package com.souq.commerce.wallet.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives whatever the hold {@code holdTransactionId} still keeps back to the available balance. A hold with nothing
 * left (captured or released already) changes nothing.
 */
public record ReleaseWalletHoldCommand(
        @TargetAggregateIdentifier WalletId walletId,
        String transactionId,
        String holdTransactionId) {
}
