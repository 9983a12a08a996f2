package com.souq.commerce.saga.payment;

/** What a provider answered to a refund. */
public sealed interface RefundOutcome {

    String reference();

    /** The provider pays the money back; {@code reference} is its refund. */
    record Refunded(String reference) implements RefundOutcome {
    }

    /** The provider will not refund (the charge is disputed, too old, ...); nothing went back. */
    record Refused(String reference, String reason) implements RefundOutcome {
    }
}
