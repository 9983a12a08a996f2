package com.souq.commerce.wallet.command;

import com.souq.commerce.platform.axon.ReadOnlyAggregates;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.wallet.api.WalletId;
import com.souq.commerce.wallet.api.WalletOwner;
import java.util.Currency;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Reads what an owner's wallet has available from its own event stream, inside the unit of work of the command that
 * asks, without locking it (see {@link ReadOnlyAggregates}): checkout refuses a wallet payment the wallet cannot cover
 * before anything is written. The hold that takes the money aside is the Wallet's own decision, later, and may still
 * be refused if the money was spent meanwhile.
 */
@Component
public class WalletFunds {

    private final Configuration axon;
    private volatile ReadOnlyAggregates<Wallet> wallets;

    WalletFunds(Configuration axon) {
        this.axon = axon;
    }

    private ReadOnlyAggregates<Wallet> wallets() {
        if (wallets == null) {
            wallets = ReadOnlyAggregates.of(Wallet.class, axon);
        }
        return wallets;
    }

    public Money available(WalletOwner owner, Currency currency) {
        try {
            return new Money(wallets().read(WalletId.of(owner, currency).value(), Wallet::availableMinorUnits),
                    currency);
        } catch (AggregateNotFoundException neverOpened) {
            return Money.zero(currency);
        }
    }
}
