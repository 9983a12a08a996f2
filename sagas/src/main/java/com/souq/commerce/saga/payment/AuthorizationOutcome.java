package com.souq.commerce.saga.payment;

import com.souq.commerce.shared.money.Money;

/** What a provider answered to an authorization. */
public sealed interface AuthorizationOutcome {

    /** The provider's id of this payment (a Stripe PaymentIntent id), when it gave one. */
    String reference();

    /** The provider holds {@code amount} for us. */
    record Authorized(String reference, Money amount) implements AuthorizationOutcome {
    }

    /** The shopper must complete an extra step (3-D Secure, an app approval) at {@code nextActionUrl}. */
    record ActionRequired(String reference, String nextActionUrl) implements AuthorizationOutcome {
    }

    /** The provider refused; nothing is held. */
    record Declined(String reference, String reason) implements AuthorizationOutcome {
    }
}
