package com.souq.commerce.wallet.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider's last word on a top-up: captured (the wallet receives the money, once) or failed with
 * {@code reason} (nothing moves). A top-up that ended already changes nothing.
 */
public record RecordTopUpOutcomeCommand(
        @TargetAggregateIdentifier WalletId walletId,
        TopUpId topUpId,
        boolean captured,
        String providerReference,
        String reason) {
}
