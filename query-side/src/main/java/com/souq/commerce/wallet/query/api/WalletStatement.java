package com.souq.commerce.wallet.query.api;

import com.souq.commerce.platform.web.PageResult;
import com.souq.commerce.shared.money.Money;

/**
 * A wallet and one page of its statement. An owner who never had a wallet in the currency reads an empty one
 * ({@code walletId} is still the id it will have).
 */
public record WalletStatement(String walletId, String ownerType, String ownerId, String currency, Money balance,
                              Money available, Money held, PageResult<WalletMovementView> statement) {
}
