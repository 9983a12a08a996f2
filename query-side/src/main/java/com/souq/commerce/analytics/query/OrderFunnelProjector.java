package com.souq.commerce.analytics.query;

import com.souq.commerce.cart.api.CartCheckedOutEvent;
import com.souq.commerce.cart.api.CartLineAddedEvent;
import com.souq.commerce.order.api.OrderCancelledEvent;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.order.api.OrderPaidEvent;
import com.souq.commerce.order.api.OrderPlacedEvent;
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
 * Keeps the funnel analysts query: {@code analytics_cart_sessions} (from the first line added to an empty cart to its
 * checkout) and {@code analytics_orders} (placed, paid, cancelled); the views {@code analytics_daily_conversion} and
 * {@code analytics_daily_orders} sum them. A cart's events apply only above the cart's last applied sequence number
 * ({@code analytics_carts.version}); an order's milestones are set once; so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(OrderFunnelProjector.PROCESSING_GROUP)
class OrderFunnelProjector {

    static final String PROCESSING_GROUP = "analytics-orders";

    private final JdbcClient jdbc;

    OrderFunnelProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CartLineAddedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        UUID cart = UUID.fromString(event.cartId().value());
        if (!advance(cart, version)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO analytics_cart_sessions (cart_id, session_no, customer_subject, started_at,
                                                             started_on)
                        SELECT :cart, coalesce(max(session_no), 0) + 1, :customer, :at, :on
                          FROM analytics_cart_sessions WHERE cart_id = :cart
                        HAVING count(*) FILTER (WHERE checked_out_at IS NULL) = 0""")
                .param("cart", cart)
                .param("customer", event.customerSubject())
                .param("at", utc(at))
                .param("on", utc(at).toLocalDate())
                .update();
    }

    @EventHandler
    void on(CartCheckedOutEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        UUID cart = UUID.fromString(event.cartId().value());
        if (!advance(cart, version)) {
            return;
        }
        jdbc.sql("""
                        UPDATE analytics_cart_sessions SET checked_out_at = :at, order_id = :order
                         WHERE cart_id = :cart AND checked_out_at IS NULL""")
                .param("cart", cart)
                .param("order", UUID.fromString(event.orderId().value()))
                .param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(OrderPlacedEvent event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO analytics_orders (order_id, customer_subject, currency, item_count, vendor_count,
                                                      grand_total_minor, placed_at, placed_on)
                        VALUES (:order, :customer, :currency, :items, :vendors, :total, :at, :on)
                        ON CONFLICT (order_id) DO NOTHING""")
                .param("order", UUID.fromString(event.orderId().value()))
                .param("customer", event.customerSubject())
                .param("currency", event.totals().grandTotal().currency().getCurrencyCode())
                .param("items", event.lines().stream().mapToInt(OrderLine::quantity).sum())
                .param("vendors", event.totals().vendors().size())
                .param("total", event.totals().grandTotal().minorUnits())
                .param("at", utc(at))
                .param("on", utc(at).toLocalDate())
                .update();
    }

    @EventHandler
    void on(OrderPaidEvent event, @Timestamp Instant at) {
        jdbc.sql("UPDATE analytics_orders SET paid_at = :at, paid_on = :on WHERE order_id = :order AND paid_at IS NULL")
                .param("order", UUID.fromString(event.orderId().value()))
                .param("at", utc(at))
                .param("on", utc(at).toLocalDate())
                .update();
    }

    @EventHandler
    void on(OrderCancelledEvent event, @Timestamp Instant at) {
        jdbc.sql("UPDATE analytics_orders SET cancelled_at = :at WHERE order_id = :order AND cancelled_at IS NULL")
                .param("order", UUID.fromString(event.orderId().value()))
                .param("at", utc(at))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE analytics_orders, analytics_carts, analytics_cart_sessions").update();
    }

    /** Records the cart's event as applied; false when it was applied already. */
    private boolean advance(UUID cart, long version) {
        return jdbc.sql("""
                        INSERT INTO analytics_carts (cart_id, version) VALUES (:cart, :version)
                        ON CONFLICT (cart_id) DO UPDATE SET version = excluded.version
                         WHERE analytics_carts.version < excluded.version""")
                .param("cart", cart)
                .param("version", version)
                .update() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
