package com.souq.commerce.account.api;

/** How a password came to be: first set through an invitation, reset through a mailed token, or changed signed in. */
public enum PasswordChange {
    SET,
    RESET,
    CHANGED
}
