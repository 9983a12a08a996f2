package com.souq.commerce.wallet.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The payout provider paid the money out ({@code paid}) or failed to ({@code reason}): the hold is captured (the money
 * left the wallet) or released (it is available again). Recorded once; a repeat or a late contrary answer changes
 * nothing.
 */
public record RecordPayoutOutcomeCommand(
        @TargetAggregateIdentifier WalletId walletId,
        PayoutId payoutId,
        boolean paid,
        String reason) {
}
