package com.souq.commerce.wallet.api;

import com.souq.commerce.shared.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The owner takes {@code amount} out to their bank through the payout provider ({@code method}: the provider's
 * instruction, for the sandbox {@code sandbox-succeed} or {@code sandbox-fail}). The amount is held at once; more than
 * the available balance (held money included in what is not available) is refused (409 {@code INSUFFICIENT_FUNDS})
 * and writes nothing. Requesting the same payout again changes nothing.
 */
public record RequestPayoutCommand(
        @TargetAggregateIdentifier WalletId walletId,
        WalletOwner owner,
        PayoutId payoutId,
        Money amount,
        String method,
        String requestedBy) {

    public static RequestPayoutCommand of(WalletOwner owner, PayoutId payoutId, Money amount, String method,
                                          String requestedBy) {
        return new RequestPayoutCommand(WalletId.of(owner, amount.currency()), owner, payoutId, amount, method,
                requestedBy);
    }
}
