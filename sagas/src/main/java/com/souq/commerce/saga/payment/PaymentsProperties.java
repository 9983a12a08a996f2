package com.souq.commerce.saga.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code souq.payments.*}: which providers this engine pays with. The sandbox is on by default (the embedded
 * default and demos); Stripe is on only when enabled, and then needs its secret API key and webhook signing secret.
 */
@ConfigurationProperties("souq.payments")
public record PaymentsProperties(@DefaultValue Sandbox sandbox, @DefaultValue Stripe stripe) {

    public record Sandbox(@DefaultValue("true") boolean enabled) {
    }

    /**
     * @param apiBase           where the Stripe API answers; a local stub in tests
     * @param webhookSecret     the {@code whsec_...} secret Stripe signs this engine's webhook endpoint with
     * @param returnUrl         where Stripe sends the shopper back after 3-D Secure; without it Stripe answers an
     *                          extra step without a redirect URL
     * @param maxNetworkRetries the Stripe client's own immediate retries (same idempotency key) before the payment
     *                          process retries later
     */
    public record Stripe(@DefaultValue("false") boolean enabled,
                         String apiKey,
                         @DefaultValue("https://api.stripe.com") String apiBase,
                         String webhookSecret,
                         String returnUrl,
                         @DefaultValue("2") int maxNetworkRetries,
                         @DefaultValue("10s") Duration connectTimeout,
                         @DefaultValue("30s") Duration readTimeout) {
    }
}
