package com.souq.commerce.analytics.query;

import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.order.api.VendorOrderAcceptedEvent;
import com.souq.commerce.order.api.VendorOrderCancelledEvent;
import com.souq.commerce.order.api.VendorOrderCreatedEvent;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.order.api.VendorOrderRejectedEvent;
import com.souq.commerce.order.api.VendorOrderShippedEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code analytics_vendor_orders}: every vendor order's milestones (created, accepted, rejected, cancelled,
 * shipped, delivered), each set once, so a redelivered event changes nothing. The view
 * {@code analytics_vendor_performance} turns them into acceptance rates and times to accept and to ship.
 */
@Component
@ProcessingGroup(VendorPerformanceProjector.PROCESSING_GROUP)
class VendorPerformanceProjector {

    static final String PROCESSING_GROUP = "analytics-vendor-performance";

    private final JdbcClient jdbc;

    VendorPerformanceProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VendorOrderCreatedEvent event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO analytics_vendor_orders (vendor_order_id, vendor_id, order_id, currency,
                                                             total_minor, item_count, created_at, created_on)
                        VALUES (:id, :vendor, :order, :currency, :total, :items, :at, :on)
                        ON CONFLICT (vendor_order_id) DO NOTHING""")
                .param("id", UUID.fromString(event.vendorOrderId().value()))
                .param("vendor", UUID.fromString(event.vendorId().value()))
                .param("order", UUID.fromString(event.orderId().value()))
                .param("currency", event.totals().total().currency().getCurrencyCode())
                .param("total", event.totals().total().minorUnits())
                .param("items", event.lines().stream().mapToInt(OrderLine::quantity).sum())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("on", at.atOffset(ZoneOffset.UTC).toLocalDate())
                .update();
    }

    @EventHandler
    void on(VendorOrderAcceptedEvent event, @Timestamp Instant at) {
        milestone(event.vendorOrderId(), "accepted_at", at);
    }

    @EventHandler
    void on(VendorOrderRejectedEvent event, @Timestamp Instant at) {
        milestone(event.vendorOrderId(), "rejected_at", at);
    }

    @EventHandler
    void on(VendorOrderCancelledEvent event, @Timestamp Instant at) {
        milestone(event.vendorOrderId(), "cancelled_at", at);
    }

    @EventHandler
    void on(VendorOrderShippedEvent event, @Timestamp Instant at) {
        milestone(event.vendorOrderId(), "shipped_at", at);
    }

    @EventHandler
    void on(VendorOrderDeliveredEvent event, @Timestamp Instant at) {
        milestone(event.vendorOrderId(), "delivered_at", at);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE analytics_vendor_orders").update();
    }

    /** {@code column} is one of this class's constants, never input. */
    private void milestone(VendorOrderId vendorOrderId, String column, Instant at) {
        jdbc.sql("UPDATE analytics_vendor_orders SET " + column + " = :at WHERE vendor_order_id = :id AND " + column
                        + " IS NULL")
                .param("id", UUID.fromString(vendorOrderId.value()))
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }
}
