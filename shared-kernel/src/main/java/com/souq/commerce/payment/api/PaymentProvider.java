package com.souq.commerce.payment.api;

/**
 * Who moves the money of a payment: the sandbox, Stripe, and the seed markets' local methods. Which checkouts may use
 * which provider is {@link PaymentMethodRules}'s.
 */
public enum PaymentProvider {
    /** The embedded default: approves, declines or asks for an extra action as its payment method says. */
    SANDBOX,
    /** Card payments through Stripe PaymentIntents (manual capture). */
    STRIPE,
    /** Egypt's instant payment network: a request to pay sent to the shopper's InstaPay address (EGP only). */
    INSTAPAY,
    /** Vodafone Egypt's mobile wallet: a payment pushed to the shopper's wallet number, approved with its PIN (EGP). */
    VODAFONE_CASH,
    /** Saudi Arabia's debit card scheme, through a card aggregator's hosted 3-D Secure page (SAR only). */
    MADA,
    /** The courier collects the money when it delivers; nothing is taken at checkout. */
    CASH_ON_DELIVERY,
    /** The customer's own wallet with the marketplace pays the whole order: held, then captured; no provider. */
    WALLET;

    /** Nothing is taken at checkout: the money is captured once the goods are delivered. */
    public boolean collectsOnDelivery() {
        return this == CASH_ON_DELIVERY;
    }
}
