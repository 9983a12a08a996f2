package com.souq.commerce.wallet.query.api;

import com.souq.commerce.wallet.api.WalletOwner;
import java.util.Currency;

/** An owner's wallet in one currency with one page of its statement, newest movement first. */
public record FindWalletStatementQuery(WalletOwner owner, Currency currency, int page, int size) {
}
