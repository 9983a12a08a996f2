package com.souq.commerce.wallet.api;

import com.souq.commerce.shared.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes {@code amount} of the money held under {@code holdTransactionId} out of the wallet; what the hold still keeps
 * stays held until captured or released. More than the hold still keeps is refused with
 * {@link WalletMovementRefusedEvent}.
 */
public record CaptureWalletHoldCommand(
        @TargetAggregateIdentifier WalletId walletId,
        String transactionId,
        String holdTransactionId,
        Money amount,
        String reference) {
}
