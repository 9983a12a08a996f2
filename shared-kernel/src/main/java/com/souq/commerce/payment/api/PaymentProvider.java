package com.souq.commerce.payment.api;

/** Who moves the money of a payment. The money issue adds the local methods (InstaPay, Vodafone Cash, MADA, COD). */
public enum PaymentProvider {
    /** The embedded default: approves, declines or asks for an extra action as its payment method says. */
    SANDBOX,
    /** Card payments through Stripe PaymentIntents (manual capture). */
    STRIPE
}
