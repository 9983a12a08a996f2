package com.souq.commerce.payment.query;

import com.souq.commerce.operations.rebuild.ReadModelTables;
import com.souq.commerce.payment.api.PaymentActionRequiredEvent;
import com.souq.commerce.payment.api.PaymentAuthorizedEvent;
import com.souq.commerce.payment.api.PaymentCancelledEvent;
import com.souq.commerce.payment.api.PaymentCaptureRequestedEvent;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.payment.api.PaymentFailedEvent;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentRefundFailedEvent;
import com.souq.commerce.payment.api.PaymentRefundRequestedEvent;
import com.souq.commerce.payment.api.PaymentRefundedEvent;
import com.souq.commerce.payment.api.PaymentRequestedEvent;
import com.souq.commerce.payment.api.PaymentStatus;
import java.sql.Types;
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
 * Keeps the {@code payments} table from the Payment aggregate's events. Every write names the event's sequence number
 * and applies only if the row has not seen it yet, so a redelivered or replayed event changes nothing. The next
 * action's URL is kept only while the payment waits for the customer's extra step.
 */
@Component
@ReadModelTables({"payments"})
@ProcessingGroup(PaymentProjector.PROCESSING_GROUP)
class PaymentProjector {

    static final String PROCESSING_GROUP = "payments";

    private final JdbcClient jdbc;

    PaymentProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaymentRequestedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO payments (payment_id, order_id, customer_subject, status, provider, method,
                                              amount_minor, from_wallet_minor, currency, requested_at, updated_at,
                                              version)
                        VALUES (:id, :order, :customer, :status, :provider, :method, :amount, :fromWallet, :currency,
                                :at, :at, :version)
                        ON CONFLICT (payment_id) DO NOTHING""")
                .param("id", uuid(event.paymentId()))
                .param("order", UUID.fromString(event.orderId().value()))
                .param("customer", event.customerSubject())
                .param("status", PaymentStatus.INITIATED.name())
                .param("provider", event.instruction().provider().name())
                .param("method", event.instruction().method())
                .param("amount", event.amount().minorUnits())
                .param("fromWallet", event.instruction().usesWallet()
                        ? event.instruction().walletPart(event.amount()).minorUnits() : null, Types.BIGINT)
                .param("currency", event.amount().currency().getCurrencyCode())
                .param("at", utc(at))
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(PaymentActionRequiredEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.paymentId(), PaymentStatus.REQUIRES_ACTION, version, at, """
                        provider_reference = :reference, next_action_url = :url, action_required_at = :at""")
                .param("reference", event.providerReference())
                .param("url", event.nextActionUrl())
                .update();
    }

    @EventHandler
    void on(PaymentAuthorizedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.paymentId(), PaymentStatus.AUTHORIZED, version, at, """
                        provider_reference = :reference, authorized_minor = :amount, next_action_url = NULL,
                        authorized_at = :at""")
                .param("reference", event.providerReference())
                .param("amount", event.amount().minorUnits())
                .update();
    }

    @EventHandler
    void on(PaymentCaptureRequestedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.paymentId(), PaymentStatus.CAPTURING, version, at, "capture_requested_at = :at").update();
    }

    @EventHandler
    void on(PaymentCapturedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.paymentId(), PaymentStatus.CAPTURED, version, at, """
                        provider_reference = :reference, captured_minor = :amount, next_action_url = NULL,
                        captured_at = :at""")
                .param("reference", event.providerReference())
                .param("amount", event.amount().minorUnits())
                .update();
    }

    @EventHandler
    void on(PaymentFailedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.paymentId(), PaymentStatus.FAILED, version, at, """
                        provider_reference = COALESCE(CAST(:reference AS text), provider_reference), failure_reason = :reason,
                        next_action_url = NULL, failed_at = :at""")
                .param("reference", event.providerReference())
                .param("reason", event.reason())
                .update();
    }

    @EventHandler
    void on(PaymentCancelledEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.paymentId(), PaymentStatus.CANCELLED, version, at, """
                        cancellation_reason = :reason, next_action_url = NULL, cancelled_at = :at""")
                .param("reason", event.reason())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE payments").update();
    }

    /** Refunds against a captured payment leave its status CAPTURED, but they are versions of the payment too. */
    @EventHandler
    void on(PaymentRefundRequestedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        touched(event.paymentId(), version, at);
    }

    @EventHandler
    void on(PaymentRefundedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        touched(event.paymentId(), version, at);
    }

    @EventHandler
    void on(PaymentRefundFailedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        touched(event.paymentId(), version, at);
    }

    private void touched(PaymentId paymentId, long version, Instant at) {
        jdbc.sql("""
                        UPDATE payments SET updated_at = :at, version = :version
                         WHERE payment_id = :id AND version < :version""")
                .param("at", utc(at))
                .param("version", version)
                .param("id", uuid(paymentId))
                .update();
    }

    private JdbcClient.StatementSpec update(PaymentId paymentId, PaymentStatus status, long version, Instant at,
                                            String assignments) {
        return jdbc.sql("UPDATE payments SET " + assignments + """
                        , status = :status, updated_at = :at, version = :version
                         WHERE payment_id = :id AND version < :version""")
                .param("status", status.name())
                .param("at", utc(at))
                .param("version", version)
                .param("id", uuid(paymentId));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static UUID uuid(PaymentId paymentId) {
        return UUID.fromString(paymentId.value());
    }
}
