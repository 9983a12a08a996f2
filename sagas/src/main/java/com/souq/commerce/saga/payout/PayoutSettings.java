package com.souq.commerce.saga.payout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Payouts ({@code souq.payouts}): how soon the provider is first asked whether a payout settled (doubling up to ten
 * minutes between questions), and when the sandbox provider settles a payout after it was submitted.
 */
@ConfigurationProperties("souq.payouts")
public record PayoutSettings(Duration firstStatusCheck, Sandbox sandbox) {

    static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    public PayoutSettings {
        firstStatusCheck = firstStatusCheck == null ? Duration.ofSeconds(2) : firstStatusCheck;
        sandbox = sandbox == null ? new Sandbox(null, null) : sandbox;
        if (firstStatusCheck.isNegative() || firstStatusCheck.isZero()) {
            throw new IllegalArgumentException("souq.payouts.first-status-check must be positive");
        }
    }

    /** The sandbox payout provider: whether it is on, and how long after submission it settles. */
    public record Sandbox(Boolean enabled, Duration settleAfter) {

        public Sandbox {
            enabled = enabled == null || enabled;
            settleAfter = settleAfter == null ? Duration.ofSeconds(1) : settleAfter;
        }
    }
}
