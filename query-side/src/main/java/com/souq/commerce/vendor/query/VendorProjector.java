package com.souq.commerce.vendor.query;

import com.souq.commerce.vendor.api.CommissionPlanChangedEvent;
import com.souq.commerce.vendor.api.KycDocumentSubmittedEvent;
import com.souq.commerce.vendor.api.VendorAppliedEvent;
import com.souq.commerce.vendor.api.VendorApprovedEvent;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.vendor.api.VendorReinstatedEvent;
import com.souq.commerce.vendor.api.VendorRejectedEvent;
import com.souq.commerce.vendor.api.VendorStatus;
import com.souq.commerce.vendor.api.VendorSuspendedEvent;
import com.souq.commerce.vendor.query.api.VendorView;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import com.souq.commerce.operations.rebuild.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the {@code vendors} table. Every write names the event's sequence number and applies only if the row has
 * not seen it yet, so a redelivered or replayed event changes nothing.
 */
@Component
@ReadModelTables({"vendors"})
@ProcessingGroup(VendorProjector.PROCESSING_GROUP)
class VendorProjector {

    static final String PROCESSING_GROUP = "vendors";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    VendorProjector(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(VendorAppliedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO vendors (vendor_id, display_name, legal_name, country, currency, contact_email,
                                             status, commission_plan, applicant_subject, applied_at, updated_at, version)
                        VALUES (:id, :displayName, :legalName, :country, :currency, :email, :status,
                                CAST(:plan AS jsonb), :applicant, :at, :at, :version)
                        ON CONFLICT (vendor_id) DO NOTHING""")
                .param("id", uuid(event.vendorId()))
                .param("displayName", event.displayName())
                .param("legalName", event.legalName())
                .param("country", event.country().value())
                .param("currency", event.currency().getCurrencyCode())
                .param("email", event.contactEmail())
                .param("status", VendorStatus.APPLIED.name())
                .param("plan", json.writeValueAsString(event.commissionPlan()))
                .param("applicant", event.applicantSubject())
                .param("at", utc(at))
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(KycDocumentSubmittedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        String document = json.writeValueAsString(
                List.of(new VendorView.KycDocument(event.documentType(), event.reference(), at)));
        jdbc.sql("""
                        UPDATE vendors SET kyc_documents = kyc_documents || CAST(:document AS jsonb),
                                           status = :status, updated_at = :at, version = :version
                         WHERE vendor_id = :id AND version < :version""")
                .param("document", document)
                .param("status", VendorStatus.UNDER_REVIEW.name())
                .param("at", utc(at))
                .param("version", version)
                .param("id", uuid(event.vendorId()))
                .update();
    }

    @EventHandler
    void on(VendorApprovedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changeStatus(event.vendorId(), VendorStatus.APPROVED, null, version, at);
    }

    @EventHandler
    void on(VendorRejectedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changeStatus(event.vendorId(), VendorStatus.REJECTED, event.reason(), version, at);
    }

    @EventHandler
    void on(VendorSuspendedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changeStatus(event.vendorId(), VendorStatus.SUSPENDED, event.reason(), version, at);
    }

    @EventHandler
    void on(VendorReinstatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changeStatus(event.vendorId(), VendorStatus.APPROVED, null, version, at);
    }

    @EventHandler
    void on(CommissionPlanChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE vendors SET commission_plan = CAST(:plan AS jsonb), updated_at = :at, version = :version
                         WHERE vendor_id = :id AND version < :version""")
                .param("plan", json.writeValueAsString(event.newPlan()))
                .param("at", utc(at))
                .param("version", version)
                .param("id", uuid(event.vendorId()))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM vendors").update();
    }

    private void changeStatus(VendorId vendorId, VendorStatus status, String reason, long version, Instant at) {
        jdbc.sql("""
                        UPDATE vendors SET status = :status, status_reason = :reason, updated_at = :at,
                                           version = :version
                         WHERE vendor_id = :id AND version < :version""")
                .param("status", status.name())
                .param("reason", reason)
                .param("at", utc(at))
                .param("version", version)
                .param("id", uuid(vendorId))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static UUID uuid(VendorId vendorId) {
        return UUID.fromString(vendorId.value());
    }
}
