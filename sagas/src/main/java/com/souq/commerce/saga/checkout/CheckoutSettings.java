package com.souq.commerce.saga.checkout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long a checkout waits for the payment to be captured before it gives the stock back ({@code souq.checkout}). */
@ConfigurationProperties("souq.checkout")
public record CheckoutSettings(Duration paymentTimeout) {

    public CheckoutSettings {
        paymentTimeout = paymentTimeout == null ? Duration.ofMinutes(15) : paymentTimeout;
        if (paymentTimeout.isNegative() || paymentTimeout.isZero()) {
            throw new IllegalArgumentException("souq.checkout.payment-timeout must be positive");
        }
    }
}
