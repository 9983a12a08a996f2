package com.souq.commerce.wallet.command;

/** Opens the package-private Wallet aggregate to tests of other packages that configure Axon around it. */
public final class WalletAggregate {

    private WalletAggregate() {
    }

    public static Class<?> type() {
        return Wallet.class;
    }
}
