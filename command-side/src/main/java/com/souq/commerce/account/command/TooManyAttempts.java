package com.souq.commerce.account.command;

import java.time.Duration;

/** An attempt over a limit, or at a locked account: answered 429 with {@code Retry-After}. */
public class TooManyAttempts extends RuntimeException {

    private final String code;
    private final Duration retryAfter;

    public TooManyAttempts(String code, Duration retryAfter) {
        super("Too many attempts: try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public String code() {
        return code;
    }

    /** Whole seconds to wait, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
