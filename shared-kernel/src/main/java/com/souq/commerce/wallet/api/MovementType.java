package com.souq.commerce.wallet.api;

/** The movements of a wallet, each applied once per transaction id. */
public enum MovementType {
    /** Money in: a top-up, or a vendor's earnings released from its payable. */
    DEPOSIT,
    /** Money set aside for a payment or payout in progress: the balance stays, the available balance drops. */
    HOLD,
    /** Held money taken: the balance drops by what the hold gives up. */
    CAPTURE,
    /** Held money given back to the available balance. */
    RELEASE,
    /** Money out of the available balance. */
    WITHDRAWAL
}
