package com.souq.commerce.saga.payment;

import com.souq.commerce.shared.money.Money;

/** What a provider answered to a capture. */
public sealed interface CaptureOutcome {

    String reference();

    /** The money was taken. */
    record Captured(String reference, Money amount) implements CaptureOutcome {
    }

    /** The provider will not capture (the authorization expired or was voided); nothing was taken. */
    record Refused(String reference, String reason) implements CaptureOutcome {
    }
}
