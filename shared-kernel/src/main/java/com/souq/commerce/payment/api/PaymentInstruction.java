package com.souq.commerce.payment.api;

/**
 * How the shopper chose to pay: the provider and the provider's token for the payment method (a Stripe
 * {@code pm_...} id; for the sandbox one of {@code approve}, {@code decline}, {@code requires-action}).
 */
public record PaymentInstruction(PaymentProvider provider, String method) {

    public static final String SANDBOX_APPROVE = "approve";
    public static final String SANDBOX_DECLINE = "decline";
    public static final String SANDBOX_REQUIRES_ACTION = "requires-action";

    public PaymentInstruction {
        if (provider == null) {
            throw new IllegalArgumentException("A payment instruction names its provider");
        }
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("A payment instruction names its payment method");
        }
    }

    public static PaymentInstruction sandbox(String outcome) {
        return new PaymentInstruction(PaymentProvider.SANDBOX, outcome);
    }
}
