package com.souq.commerce.payment.api;

import com.souq.commerce.shared.money.Money;

/**
 * How the shopper chose to pay: the provider and the provider's token for the payment method (a Stripe
 * {@code pm_...} id; for the sandbox one of {@code approve}, {@code decline}, {@code requires-action}). The customer's
 * wallet pays the whole order ({@link PaymentProvider#WALLET}, method {@value #WALLET_METHOD}), or {@code fromWallet}
 * of it while the provider pays the rest (null: nothing from the wallet; instructions stored before wallets paid
 * orders have none).
 */
public record PaymentInstruction(PaymentProvider provider, String method, Money fromWallet) {

    public static final String WALLET_METHOD = "wallet";

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
        if (fromWallet != null && (fromWallet.isNegative() || fromWallet.isZero())) {
            throw new IllegalArgumentException("The wallet pays a positive part of an order, not " + fromWallet);
        }
        if (fromWallet != null && provider == PaymentProvider.WALLET) {
            throw new IllegalArgumentException("The wallet alone pays the whole order: no part to name");
        }
    }

    public PaymentInstruction(PaymentProvider provider, String method) {
        this(provider, method, null);
    }

    /** The whole order from the customer's wallet. */
    public static PaymentInstruction wallet() {
        return new PaymentInstruction(PaymentProvider.WALLET, WALLET_METHOD, null);
    }

    /** What the customer's wallet pays of an order of {@code total}: all of it, the part named, or nothing. */
    public Money walletPart(Money total) {
        if (provider == PaymentProvider.WALLET) {
            return total;
        }
        return fromWallet == null ? Money.zero(total.currency()) : fromWallet;
    }

    /** Whether the customer's wallet pays the order or a part of it. */
    public boolean usesWallet() {
        return provider == PaymentProvider.WALLET || fromWallet != null;
    }

    public static PaymentInstruction sandbox(String outcome) {
        return new PaymentInstruction(PaymentProvider.SANDBOX, outcome);
    }
}
