package com.souq.commerce.wallet.query;

import com.souq.commerce.wallet.api.PayoutFailedEvent;
import com.souq.commerce.wallet.api.PayoutPaidEvent;
import com.souq.commerce.wallet.api.PayoutRequestedEvent;
import com.souq.commerce.wallet.api.PayoutSubmittedEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code payouts} table from the Wallet's payout events. Every write names the event's sequence number and
 * applies only if the row has not seen it yet, so a redelivered or replayed event changes nothing.
 */
@Component
@ProcessingGroup(PayoutProjector.PROCESSING_GROUP)
class PayoutProjector {

    static final String PROCESSING_GROUP = "payouts";

    private final JdbcClient jdbc;

    PayoutProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PayoutRequestedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO payouts (payout_id, wallet_id, owner_type, owner_id, status, amount_minor, currency,
                                             method, requested_by, requested_at, updated_at, version)
                        VALUES (:id, :wallet, :ownerType, :ownerId, 'REQUESTED', :amount, :currency, :method, :by,
                                :at, :at, :version)
                        ON CONFLICT (payout_id) DO NOTHING""")
                .param("id", UUID.fromString(event.payoutId().value()))
                .param("wallet", UUID.fromString(event.walletId().value()))
                .param("ownerType", event.owner().type().name())
                .param("ownerId", event.owner().id())
                .param("amount", event.amount().minorUnits())
                .param("currency", event.amount().currency().getCurrencyCode())
                .param("method", event.method())
                .param("by", event.requestedBy())
                .param("at", utc(at))
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(PayoutSubmittedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.payoutId().value(), "SUBMITTED", version, at,
                "provider_reference = :reference, submitted_at = :at")
                .param("reference", event.providerReference())
                .update();
    }

    @EventHandler
    void on(PayoutPaidEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.payoutId().value(), "PAID", version, at, "paid_at = :at").update();
    }

    @EventHandler
    void on(PayoutFailedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.payoutId().value(), "FAILED", version, at, "failure_reason = :reason, failed_at = :at")
                .param("reason", event.reason())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE payouts").update();
    }

    private JdbcClient.StatementSpec update(String payoutId, String status, long version, Instant at,
                                            String assignments) {
        return jdbc.sql("UPDATE payouts SET " + assignments + """
                        , status = :status, updated_at = :at, version = :version
                         WHERE payout_id = :id AND version < :version""")
                .param("status", status)
                .param("at", utc(at))
                .param("version", version)
                .param("id", UUID.fromString(payoutId));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
