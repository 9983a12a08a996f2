package com.souq.commerce.account.command;

/**
 * A sign-in or token refresh that does not authenticate: answered 401 with the code, and never saying whether the
 * account exists.
 */
public class SignInRefused extends RuntimeException {

    private final String code;

    public SignInRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
