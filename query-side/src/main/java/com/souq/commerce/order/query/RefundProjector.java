package com.souq.commerce.order.query;

import static com.souq.commerce.order.query.Rows.utc;
import static com.souq.commerce.order.query.Rows.uuid;

import com.souq.commerce.account.api.AccountErasedEvent;
import com.souq.commerce.operations.rebuild.ReadModelTables;
import com.souq.commerce.order.api.RefundApprovedEvent;
import com.souq.commerce.order.api.RefundLine;
import com.souq.commerce.order.api.RefundRejectedEvent;
import com.souq.commerce.order.api.RefundRequestedEvent;
import com.souq.commerce.payment.api.PaymentRefundFailedEvent;
import com.souq.commerce.payment.api.PaymentRefundRequestedEvent;
import com.souq.commerce.payment.api.PaymentRefundedEvent;
import com.souq.commerce.shared.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the {@code refunds} table from the VendorOrder's refund events and the Payment's. Each write applies only if
 * the row has not seen that aggregate's event yet ({@code order_version}, {@code payment_version}), so a redelivered or
 * replayed event changes nothing; the group handles its events in one sequence, so the Payment's events find the row
 * the VendorOrder's approval wrote.
 */
@Component
@ReadModelTables({"refunds"})
@ProcessingGroup(RefundProjector.PROCESSING_GROUP)
class RefundProjector {

    static final String PROCESSING_GROUP = "refunds";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RefundProjector(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(RefundRequestedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO refunds (refund_id, order_id, vendor_order_id, vendor_id, customer_subject, status,
                                             amount_minor, currency, lines, requested_destination, destination,
                                             restock, reason, requested_by, requested_at, updated_at, order_version)
                        VALUES (:id, :order, :vendorOrder, :vendor, :customer, 'REQUESTED', :amount, :currency,
                                CAST(:lines AS jsonb), :destination, :destination, :restock, :reason, :by, :at, :at,
                                :version)
                        ON CONFLICT (refund_id) DO NOTHING""")
                .param("id", uuid(event.refundId().value()))
                .param("order", uuid(event.orderId().value()))
                .param("vendorOrder", uuid(event.vendorOrderId().value()))
                .param("vendor", uuid(event.vendorId().value()))
                .param("customer", event.customerSubject())
                .param("amount", event.amount().minorUnits())
                .param("currency", event.amount().currency().getCurrencyCode())
                .param("lines", lines(event.lines()))
                .param("destination", event.destination().name())
                .param("restock", event.restock())
                .param("reason", event.reason())
                .param("by", event.subject())
                .param("at", utc(at))
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(RefundApprovedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO refunds (refund_id, order_id, vendor_order_id, vendor_id, customer_subject,
                                             payment_id, status, automatic, amount_minor, currency, lines,
                                             requested_destination, destination, restock, reason, decided_by,
                                             decided_at, updated_at, order_version)
                        VALUES (:id, :order, :vendorOrder, :vendor, :customer, :payment, 'APPROVED', :automatic,
                                :amount, :currency, CAST(:lines AS jsonb), :destination, :destination, :restock,
                                :reason, :by, :at, :at, :version)
                        ON CONFLICT (refund_id) DO UPDATE
                           SET payment_id = EXCLUDED.payment_id, status = 'APPROVED', decided_by = EXCLUDED.decided_by,
                               decided_at = EXCLUDED.decided_at, updated_at = EXCLUDED.updated_at,
                               order_version = EXCLUDED.order_version
                         WHERE refunds.order_version < EXCLUDED.order_version""")
                .param("id", uuid(event.refundId().value()))
                .param("order", uuid(event.orderId().value()))
                .param("vendorOrder", uuid(event.vendorOrderId().value()))
                .param("vendor", uuid(event.vendorId().value()))
                .param("customer", event.customerSubject())
                .param("payment", uuid(event.paymentId().value()))
                .param("automatic", event.automatic())
                .param("amount", event.amount().minorUnits())
                .param("currency", event.amount().currency().getCurrencyCode())
                .param("lines", lines(event.lines()))
                .param("destination", event.destination().name())
                .param("restock", event.restock())
                .param("reason", event.reason())
                .param("by", event.approvedBy())
                .param("at", utc(at))
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(RefundRejectedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE refunds SET status = 'REJECTED', decided_by = :by, rejection_reason = :reason,
                                           decided_at = :at, updated_at = :at, order_version = :version
                         WHERE refund_id = :id AND order_version < :version""")
                .param("by", event.rejectedBy())
                .param("reason", event.reason())
                .param("at", utc(at))
                .param("version", version)
                .param("id", uuid(event.refundId().value()))
                .update();
    }

    @EventHandler
    void on(PaymentRefundRequestedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        paymentUpdate(event.refundId().value(), version, at, """
                status = 'REFUNDING', provider = :provider""")
                .param("provider", event.provider().name())
                .update();
    }

    @EventHandler
    void on(PaymentRefundFailedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        paymentUpdate(event.refundId().value(), version, at, """
                destination = 'CUSTOMER_WALLET', failure_reason = :reason""")
                .param("reason", event.reason())
                .update();
    }

    @EventHandler
    void on(PaymentRefundedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        paymentUpdate(event.refundId().value(), version, at, """
                status = 'REFUNDED', destination = :destination, provider_reference = :reference,
                refunded_at = :at""")
                .param("destination", event.destination().name())
                .param("reference", event.providerReference())
                .update();
    }

    /** An erased customer's refunds keep their amounts and states; the reason they wrote reads as erased. */
    @EventHandler
    void on(AccountErasedEvent event) {
        jdbc.sql("UPDATE refunds SET reason = :erased WHERE customer_subject = :customer AND reason !~ '^\\s*$'")
                .param("erased", PersonalData.ERASED).param("customer", event.accountId().value()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE refunds").update();
    }

    private JdbcClient.StatementSpec paymentUpdate(String refundId, long version, Instant at, String assignments) {
        return jdbc.sql("UPDATE refunds SET " + assignments + """
                        , updated_at = :at, payment_version = :version
                         WHERE refund_id = :id AND payment_version < :version""")
                .param("at", utc(at))
                .param("version", version)
                .param("id", uuid(refundId));
    }

    private String lines(List<RefundLine> lines) {
        return json.writeValueAsString(lines.stream()
                .map(line -> Map.of("listingId", line.listingId().value(), "quantity", line.quantity()))
                .toList());
    }
}
