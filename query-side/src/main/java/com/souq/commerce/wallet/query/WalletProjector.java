package com.souq.commerce.wallet.query;

import com.souq.commerce.shared.money.Money;
import com.souq.commerce.wallet.api.MovementType;
import com.souq.commerce.wallet.api.WalletDepositedEvent;
import com.souq.commerce.wallet.api.WalletFundsHeldEvent;
import com.souq.commerce.wallet.api.WalletHoldCapturedEvent;
import com.souq.commerce.wallet.api.WalletHoldReleasedEvent;
import com.souq.commerce.wallet.api.WalletId;
import com.souq.commerce.wallet.api.WalletOpenedEvent;
import com.souq.commerce.wallet.api.WalletWithdrawnEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import com.souq.commerce.operations.rebuild.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code wallet_balances} and {@code wallet_movements}. Every movement is inserted keyed by its wallet and
 * sequence number, and the balance row moves only with an event it has not seen ({@code version} below the event's
 * sequence number), so a redelivered or replayed event changes nothing. Refused movements move nothing and are not
 * listed. The events carry the balances after each movement, so the statement's running balance is the aggregate's
 * own, never recomputed.
 */
@Component
@ReadModelTables({"wallet_balances", "wallet_movements"})
@ProcessingGroup(WalletProjector.PROCESSING_GROUP)
class WalletProjector {

    static final String PROCESSING_GROUP = "wallets";

    private final JdbcClient jdbc;

    WalletProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WalletOpenedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO wallet_balances (wallet_id, owner_type, owner_id, currency, balance_minor,
                                                     available_minor, movements, opened_at, updated_at, version)
                        VALUES (:id, :ownerType, :ownerId, :currency, 0, 0, 0, :at, :at, :version)
                        ON CONFLICT (wallet_id) DO NOTHING""")
                .param("id", uuid(event.walletId()))
                .param("ownerType", event.owner().type().name())
                .param("ownerId", event.owner().id())
                .param("currency", event.currency().getCurrencyCode())
                .param("at", utc(at))
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(WalletDepositedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        move(event.walletId(), version, at, event.transactionId(), MovementType.DEPOSIT, null, event.amount(),
                event.amount().minorUnits(), event.balance(), event.available(), event.reference());
    }

    @EventHandler
    void on(WalletFundsHeldEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        move(event.walletId(), version, at, event.transactionId(), MovementType.HOLD, null, event.amount(), 0,
                event.balance(), event.available(), event.reference());
    }

    @EventHandler
    void on(WalletHoldCapturedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        move(event.walletId(), version, at, event.transactionId(), MovementType.CAPTURE, event.holdTransactionId(),
                event.amount(), -event.amount().minorUnits(), event.balance(), event.available(), event.reference());
    }

    @EventHandler
    void on(WalletHoldReleasedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        move(event.walletId(), version, at, event.transactionId(), MovementType.RELEASE, event.holdTransactionId(),
                event.amount(), 0, event.balance(), event.available(), null);
    }

    @EventHandler
    void on(WalletWithdrawnEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        move(event.walletId(), version, at, event.transactionId(), MovementType.WITHDRAWAL, null, event.amount(),
                -event.amount().minorUnits(), event.balance(), event.available(), event.reference());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE wallet_balances, wallet_movements").update();
    }

    private void move(WalletId walletId, long version, Instant at, String transactionId, MovementType type,
                      String holdTransactionId, Money amount, long balanceChange, Money balance, Money available,
                      String reference) {
        jdbc.sql("""
                        WITH wallet AS (
                            UPDATE wallet_balances SET balance_minor = :balance, available_minor = :available,
                                                       movements = movements + 1, updated_at = :at, version = :version
                             WHERE wallet_id = :id AND version < :version
                            RETURNING wallet_id)
                        INSERT INTO wallet_movements (wallet_id, sequence_number, transaction_id, movement_type,
                                                      hold_transaction_id, amount_minor, balance_change_minor,
                                                      balance_after_minor, available_after_minor, currency, reference,
                                                      occurred_at)
                        SELECT wallet_id, :version, :transaction, :type, :hold, :amount, :change, :balance,
                               :available, :currency, :reference, :at FROM wallet
                        ON CONFLICT DO NOTHING""")
                .param("balance", balance.minorUnits())
                .param("available", available.minorUnits())
                .param("at", utc(at))
                .param("version", version)
                .param("id", uuid(walletId))
                .param("transaction", transactionId)
                .param("type", type.name())
                .param("hold", holdTransactionId)
                .param("amount", amount.minorUnits())
                .param("change", balanceChange)
                .param("currency", amount.currency().getCurrencyCode())
                .param("reference", reference)
                .update();
    }

    private static UUID uuid(WalletId walletId) {
        return UUID.fromString(walletId.value());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
