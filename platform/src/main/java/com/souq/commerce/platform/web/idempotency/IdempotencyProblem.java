package com.souq.commerce.platform.web.idempotency;

import org.springframework.http.HttpStatus;

/** A request whose {@code Idempotency-Key} cannot be honoured: malformed, reused for another request, or busy. */
public class IdempotencyProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    IdempotencyProblem(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
