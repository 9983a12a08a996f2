package com.souq.commerce.saga.payment;

/**
 * The provider could not be reached, timed out, limited our rate or failed on its side: the call may or may not have
 * happened, and repeating it with the same idempotency key later is safe.
 */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProviderUnavailableException(String message) {
        super(message);
    }
}
