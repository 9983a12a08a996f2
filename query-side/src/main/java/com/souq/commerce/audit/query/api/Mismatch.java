package com.souq.commerce.audit.query.api;

/**
 * One disagreement the reconciliation found: which check ({@code WALLET_VS_LEDGER}, {@code PAYMENT_VS_JOURNAL},
 * {@code REFUND_VS_CAPTURE}), what it concerns ({@code subject}: a wallet, payment or vendor order id, and
 * {@code account} when a ledger account is involved), the two amounts that should agree (minor units of
 * {@code currency}) and what is wrong, in words.
 */
public record Mismatch(String check, String subject, String account, String currency, long expectedMinor,
                       long foundMinor, String description) {
}
