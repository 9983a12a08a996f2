package com.souq.commerce.saga.payment;

/** What a provider answered when asked to void an authorization. */
public sealed interface CancellationOutcome {

    String reference();

    /** Nothing is held any longer (voided now, or before). */
    record Voided(String reference) implements CancellationOutcome {
    }

    /** The provider cannot void it, typically because the money was captured already. */
    record NotVoidable(String reference, String reason) implements CancellationOutcome {
    }
}
