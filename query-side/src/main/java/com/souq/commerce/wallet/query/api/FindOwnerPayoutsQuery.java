package com.souq.commerce.wallet.query.api;

import com.souq.commerce.wallet.api.WalletOwner;

/** A wallet owner's payouts, newest first; answers a page of {@link PayoutView}. */
public record FindOwnerPayoutsQuery(WalletOwner owner, int page, int size) {
}
