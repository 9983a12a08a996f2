package com.souq.commerce.payment.query.api;

import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentStatus;
import com.souq.commerce.shared.money.Money;
import java.time.Instant;

/**
 * A payment as the paying customer and staff see it. {@code nextActionUrl} is where the customer completes an extra
 * step, present only while the status is REQUIRES_ACTION; {@code failureReason} and {@code cancellationReason} explain
 * a FAILED or CANCELLED payment. {@code fromWallet} is what the customer's wallet pays of {@code amount} (null:
 * nothing; all of it with provider WALLET), the provider taking the rest. {@code version} is the sequence number of
 * the last Payment event the view reflects.
 */
public record PaymentView(
        String paymentId,
        String orderId,
        String customerSubject,
        PaymentStatus status,
        PaymentProvider provider,
        String method,
        String providerReference,
        Money amount,
        Money fromWallet,
        Money authorized,
        Money captured,
        String nextActionUrl,
        String failureReason,
        String cancellationReason,
        Instant requestedAt,
        Instant authorizedAt,
        Instant capturedAt,
        Instant updatedAt,
        long version) {
}
