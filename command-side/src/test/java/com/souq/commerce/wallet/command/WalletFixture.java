package com.souq.commerce.wallet.command;

import com.souq.commerce.shared.money.Money;
import com.souq.commerce.wallet.api.MovementType;
import com.souq.commerce.wallet.api.WalletDepositedEvent;
import com.souq.commerce.wallet.api.WalletFundsHeldEvent;
import com.souq.commerce.wallet.api.WalletId;
import com.souq.commerce.wallet.api.WalletMovementRefusedEvent;
import com.souq.commerce.wallet.api.WalletOpenedEvent;
import com.souq.commerce.wallet.api.WalletOwner;
import java.util.Currency;

/** A customer's EGP wallet topped up with 500.00, and a hold of 200.00 of it for an order. */
final class WalletFixture {

    static final Currency EGP = Currency.getInstance("EGP");
    static final WalletOwner MONA = WalletOwner.customer("customer-heliopolis");
    static final WalletId WALLET = WalletId.of(MONA, EGP);
    static final String TOP_UP = "top-up-1";
    static final String ORDER_HOLD = "order-hold-1";

    private WalletFixture() {
    }

    static Money egp(long minorUnits) {
        return new Money(minorUnits, EGP);
    }

    static WalletOpenedEvent opened() {
        return new WalletOpenedEvent(WALLET, MONA, EGP);
    }

    static WalletDepositedEvent toppedUp() {
        return new WalletDepositedEvent(WALLET, MONA, TOP_UP, egp(500_00), "card top-up", egp(500_00), egp(500_00));
    }

    static WalletFundsHeldEvent heldForOrder() {
        return new WalletFundsHeldEvent(WALLET, MONA, ORDER_HOLD, egp(200_00), "order 1", egp(500_00), egp(300_00));
    }

    static WalletMovementRefusedEvent refused(String transactionId, MovementType type, String hold, long amount,
                                              String reason, long available) {
        return new WalletMovementRefusedEvent(WALLET, MONA, transactionId, type, hold, egp(amount), reason,
                egp(available));
    }
}
