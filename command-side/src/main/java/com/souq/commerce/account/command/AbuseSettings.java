package com.souq.commerce.account.command;

import java.time.Duration;
import java.util.List;

/**
 * Limits on the endpoints a stranger may hammer ({@code souq.abuse.*}), per client address and per account (email),
 * counted in PostgreSQL so that every instance sees the same counts. A limit not configured keeps its default.
 *
 * @param signInPerAddress       sign-in attempts per client address (30 per 5 minutes)
 * @param signInPerAccount       sign-in attempts per email, from anywhere (10 per 15 minutes)
 * @param signInFailures         failed sign-ins per email before it is locked for the rest of the window (5 per 15 min)
 * @param registrationPerAddress registrations per client address (10 per hour)
 * @param resetPerAddress        password-reset requests per client address (10 per hour)
 * @param resetPerAccount        password-reset requests per email (3 per hour)
 * @param trustedProxies         addresses of reverse proxies whose {@code X-Forwarded-For} names the client; a request
 *                               from any other peer is counted under the peer's own address (none by default)
 */
public record AbuseSettings(
        Limit signInPerAddress,
        Limit signInPerAccount,
        Limit signInFailures,
        Limit registrationPerAddress,
        Limit resetPerAddress,
        Limit resetPerAccount,
        List<String> trustedProxies) {

    public AbuseSettings {
        signInPerAddress = orElse(signInPerAddress, 30, Duration.ofMinutes(5));
        signInPerAccount = orElse(signInPerAccount, 10, Duration.ofMinutes(15));
        signInFailures = orElse(signInFailures, 5, Duration.ofMinutes(15));
        registrationPerAddress = orElse(registrationPerAddress, 10, Duration.ofHours(1));
        resetPerAddress = orElse(resetPerAddress, 10, Duration.ofHours(1));
        resetPerAccount = orElse(resetPerAccount, 3, Duration.ofHours(1));
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    static AbuseSettings defaults() {
        return new AbuseSettings(null, null, null, null, null, null, null);
    }

    /** At most {@code attempts} in each window of {@code window}. */
    public record Limit(int attempts, Duration window) {

        public Limit {
            if (attempts < 1 || window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("A limit needs attempts ≥ 1 and a positive window");
            }
        }
    }

    private static Limit orElse(Limit configured, int attempts, Duration window) {
        return configured == null ? new Limit(attempts, window) : configured;
    }
}
