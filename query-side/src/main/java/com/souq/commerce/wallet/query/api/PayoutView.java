package com.souq.commerce.wallet.query.api;

import com.souq.commerce.shared.money.Money;
import java.time.Instant;

/** One payout as its owner and staff see it: REQUESTED, SUBMITTED, PAID or FAILED. */
public record PayoutView(String payoutId, String walletId, String ownerType, String ownerId, String status,
                         Money amount, String method, String requestedBy, String providerReference,
                         String failureReason, Instant requestedAt, Instant submittedAt, Instant paidAt,
                         Instant failedAt, Instant updatedAt) {
}
