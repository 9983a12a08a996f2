package com.souq.commerce.wallet.query.api;

import com.souq.commerce.wallet.api.PayoutId;

/** One payout; answers an {@code Optional<PayoutView>}. */
public record FindPayoutQuery(PayoutId payoutId) {
}
