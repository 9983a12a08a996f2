package com.souq.commerce.order.query;

import static com.souq.commerce.order.query.Rows.utc;
import static com.souq.commerce.order.query.Rows.uuid;

import com.souq.commerce.account.api.AccountErasedEvent;
import com.souq.commerce.operations.rebuild.ReadModelTables;
import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.order.api.RefundApprovedEvent;
import com.souq.commerce.order.api.RefundRejectedEvent;
import com.souq.commerce.order.api.RefundRequestedEvent;
import com.souq.commerce.order.api.ShippingAddress;
import com.souq.commerce.order.api.VendorOrderAcceptedEvent;
import com.souq.commerce.order.api.VendorOrderCancelledEvent;
import com.souq.commerce.order.api.VendorOrderCreatedEvent;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.order.api.VendorOrderRejectedEvent;
import com.souq.commerce.order.api.VendorOrderReturnsClosedEvent;
import com.souq.commerce.order.api.VendorOrderShippedEvent;
import com.souq.commerce.order.api.VendorOrderStatus;
import com.souq.commerce.platform.privacy.PersonalDataVault;
import com.souq.commerce.shared.pricing.VendorTotals;
import com.souq.commerce.shared.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the vendor dashboard, {@code vendor_orders} and {@code vendor_order_lines}, from the VendorOrder aggregate's
 * events. Each write names the event's sequence number and applies only if the row has not seen it yet, so a
 * redelivered or replayed event changes nothing. Every change is pushed to live subscribers of the order.
 */
@Component
@ReadModelTables({"vendor_orders", "vendor_order_lines"})
@ProcessingGroup(VendorOrderProjector.PROCESSING_GROUP)
class VendorOrderProjector {

    static final String PROCESSING_GROUP = "vendor-orders";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OrderUpdates updates;

    VendorOrderProjector(JdbcClient jdbc, JsonMapper json, OrderUpdates updates) {
        this.jdbc = jdbc;
        this.json = json;
        this.updates = updates;
    }

    @EventHandler
    void on(VendorOrderCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        VendorTotals totals = event.totals();
        int created = jdbc.sql("""
                        INSERT INTO vendor_orders (vendor_order_id, order_id, vendor_id, customer_subject, status,
                                                   currency, subtotal_minor, shipping_minor, shipping_vat_minor,
                                                   vat_minor, total_minor, line_count, item_count, ship_to_country,
                                                   shipping_address, created_at, updated_at, version)
                        VALUES (:id, :order, :vendor, :customer, :status, :currency, :subtotal, :shipping,
                                :shippingVat, :vat, :total, :lineCount, :itemCount, :country, CAST(:address AS jsonb),
                                :at, :at, :version)
                        ON CONFLICT (vendor_order_id) DO NOTHING""")
                .param("id", uuid(event.vendorOrderId()))
                .param("order", uuid(event.orderId()))
                .param("vendor", uuid(event.vendorId()))
                .param("customer", event.customerSubject())
                .param("status", VendorOrderStatus.CREATED.name())
                .param("currency", totals.total().currency().getCurrencyCode())
                .param("subtotal", totals.subtotal().minorUnits())
                .param("shipping", totals.shipping().minorUnits())
                .param("shippingVat", totals.shippingVat().minorUnits())
                .param("vat", totals.vat().minorUnits())
                .param("total", totals.total().minorUnits())
                .param("lineCount", event.lines().size())
                .param("itemCount", event.lines().stream().mapToInt(OrderLine::quantity).sum())
                .param("country", event.address().country().value())
                .param("address", json.writeValueAsString(event.address()))
                .param("at", utc(at))
                .param("version", version)
                .update();
        if (created == 1) {
            insertLines(event.vendorOrderId(), event.lines(), PricedLines.of(List.of(totals)));
            updates.changed(event.orderId());
        }
    }

    @EventHandler
    void on(VendorOrderAcceptedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changed(event.orderId(), update(event.vendorOrderId(), version, at, "status = :status, accepted_at = :at")
                .param("status", VendorOrderStatus.ACCEPTED.name())
                .update());
    }

    @EventHandler
    void on(VendorOrderShippedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changed(event.orderId(), update(event.vendorOrderId(), version, at, """
                        status = :status, carrier = :carrier, tracking_reference = :tracking, shipped_at = :at""")
                .param("status", VendorOrderStatus.SHIPPED.name())
                .param("carrier", event.carrier())
                .param("tracking", event.trackingReference())
                .update());
    }

    @EventHandler
    void on(VendorOrderDeliveredEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changed(event.orderId(), update(event.vendorOrderId(), version, at, "status = :status, delivered_at = :at")
                .param("status", VendorOrderStatus.DELIVERED.name())
                .update());
    }

    @EventHandler
    void on(VendorOrderRejectedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changed(event.orderId(), close(event.vendorOrderId(), VendorOrderStatus.REJECTED, version, at)
                .param("party", CancellationParty.VENDOR.name())
                .param("subject", null)
                .param("reason", event.reason())
                .param("refund", event.total().minorUnits())
                .update());
    }

    @EventHandler
    void on(VendorOrderCancelledEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changed(event.orderId(), close(event.vendorOrderId(), VendorOrderStatus.CANCELLED, version, at)
                .param("party", event.party().name())
                .param("subject", event.subject())
                .param("reason", event.reason())
                .param("refund", event.total().minorUnits())
                .update());
    }

    /**
     * An erased customer's vendor orders keep everything but the address and a cancellation's reason (the customer's
     * words, when they cancelled), which read as erased.
     */
    @EventHandler
    void on(AccountErasedEvent event) {
        jdbc.sql("""
                        UPDATE vendor_orders
                           SET shipping_address = erase_personal_texts(shipping_address, string_to_array(:texts, ',')),
                               closing_reason = CASE WHEN status = 'CANCELLED' AND closing_reason IS NOT NULL
                                                          AND closing_reason !~ '^\\s*$'
                                                     THEN :erased ELSE closing_reason END
                         WHERE customer_subject = :customer""")
                .param("texts", PersonalDataVault.personalTextsOf(ShippingAddress.class))
                .param("erased", PersonalData.ERASED)
                .param("customer", event.accountId().value()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE vendor_orders, vendor_order_lines").update();
    }

    private void insertLines(VendorOrderId vendorOrderId, List<OrderLine> lines, PricedLines priced) {
        for (int index = 0; index < lines.size(); index++) {
            OrderLine line = lines.get(index);
            jdbc.sql("""
                            INSERT INTO vendor_order_lines (vendor_order_id, line_number, listing_id, quantity,
                                                            unit_price_minor, line_total_minor, vat_minor, currency)
                            VALUES (:id, :number, :listing, :quantity, :price, :total, :vat, :currency)
                            ON CONFLICT (vendor_order_id, line_number) DO NOTHING""")
                    .param("id", uuid(vendorOrderId))
                    .param("number", index + 1)
                    .param("listing", uuid(line.listingId()))
                    .param("quantity", line.quantity())
                    .param("price", line.unitPrice().minorUnits())
                    .param("total", priced.totalOf(line).minorUnits())
                    .param("vat", priced.vatOf(line))
                    .param("currency", line.unitPrice().currency().getCurrencyCode())
                    .update();
        }
    }

    private JdbcClient.StatementSpec close(VendorOrderId vendorOrderId, VendorOrderStatus status, long version,
                                           Instant at) {
        return update(vendorOrderId, version, at, """
                        status = :status, closing_party = :party, closing_subject = :subject,
                        closing_reason = :reason, refund_due_minor = :refund, closed_at = :at""")
                .param("status", status.name());
    }

    /** Refund steps and the closing of returns change no column here, but they are versions of the vendor order too
     * (its ETag). */
    @EventHandler
    void on(RefundRequestedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        touched(event.orderId(), event.vendorOrderId(), version, at);
    }

    @EventHandler
    void on(RefundApprovedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        touched(event.orderId(), event.vendorOrderId(), version, at);
    }

    @EventHandler
    void on(RefundRejectedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        touched(event.orderId(), event.vendorOrderId(), version, at);
    }

    @EventHandler
    void on(VendorOrderReturnsClosedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        touched(event.orderId(), event.vendorOrderId(), version, at);
    }

    private void touched(OrderId orderId, VendorOrderId vendorOrderId, long version, Instant at) {
        changed(orderId, update(vendorOrderId, version, at, "status = status").update());
    }

    private JdbcClient.StatementSpec update(VendorOrderId vendorOrderId, long version, Instant at,
                                            String assignments) {
        return jdbc.sql("UPDATE vendor_orders SET " + assignments + """
                        , updated_at = :at, version = :version
                         WHERE vendor_order_id = :id AND version < :version""")
                .param("at", utc(at))
                .param("version", version)
                .param("id", uuid(vendorOrderId));
    }

    private void changed(OrderId orderId, int rowsChanged) {
        if (rowsChanged == 1) {
            updates.changed(orderId);
        }
    }
}
