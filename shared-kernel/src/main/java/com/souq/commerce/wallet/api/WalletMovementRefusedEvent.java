package com.souq.commerce.wallet.api;

import com.souq.commerce.shared.money.Money;
import org.axonframework.serialization.Revision;

/**
 * A hold, capture or withdrawal asked for more than the wallet could give ({@code reason}: {@code INSUFFICIENT_FUNDS}
 * when the available balance is short, {@code HOLD_EXCEEDED} when a capture asks more than its hold still keeps);
 * nothing moved. {@code holdTransactionId} names the hold of a refused capture. The transaction is decided: repeating
 * it changes nothing, a new attempt takes a new transaction id.
 */
@Revision("1")
public record WalletMovementRefusedEvent(WalletId walletId, WalletOwner owner, String transactionId,
                                         MovementType type, String holdTransactionId, Money amount, String reason,
                                         Money available) {

    public static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";
    public static final String HOLD_EXCEEDED = "HOLD_EXCEEDED";
}
