package com.souq.commerce.wallet.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The payout provider accepted the payout under {@code providerReference}; its outcome comes later. */
public record RecordPayoutSubmittedCommand(
        @TargetAggregateIdentifier WalletId walletId,
        PayoutId payoutId,
        String providerReference) {
}
