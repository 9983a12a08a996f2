package com.souq.commerce.order.query;

import static com.souq.commerce.order.query.Rows.enumOf;
import static com.souq.commerce.order.query.Rows.instant;
import static com.souq.commerce.order.query.Rows.money;
import static com.souq.commerce.order.query.Rows.uuid;

import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.OrderStatus;
import com.souq.commerce.order.api.ShippingAddress;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.order.api.VendorOrderStatus;
import com.souq.commerce.order.query.api.OrderSummary;
import com.souq.commerce.order.query.api.OrderView;
import com.souq.commerce.order.query.api.RefundView;
import com.souq.commerce.order.query.api.TimelineEntry;
import com.souq.commerce.order.query.api.VendorOrderSummary;
import com.souq.commerce.order.query.api.VendorOrderView;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentStatus;
import com.souq.commerce.platform.web.PageResult;
import com.souq.commerce.vendor.api.VendorId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the order read models into views: an order joins its lines, the vendor orders and the timeline, each kept
 * by its own processing group; lists read one page and then the children of the whole page at once.
 */
@Component
class OrderReads {

    private static final String VENDOR_ORDER_COLUMNS = """
            vendor_order_id, order_id, vendor_id, customer_subject, status, currency, subtotal_minor, shipping_minor,
            shipping_vat_minor, vat_minor, total_minor, item_count, shipping_address, carrier, tracking_reference,
            closing_party, closing_subject, closing_reason, refund_due_minor, created_at, accepted_at, shipped_at,
            delivered_at, closed_at, updated_at, version""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RefundReads refunds;

    OrderReads(JdbcClient jdbc, JsonMapper json, RefundReads refunds) {
        this.jdbc = jdbc;
        this.json = json;
        this.refunds = refunds;
    }

    Optional<OrderView> order(OrderId orderId) {
        UUID id = uuid(orderId);
        return jdbc.sql("SELECT * FROM orders WHERE order_id = :id")
                .param("id", id)
                .query((row, index) -> toView(row, id))
                .optional()
                .map(view -> withDetails(view, orderLines(id),
                        vendorOrderSummaries(List.of(id)).getOrDefault(id, List.of()), timeline(id),
                        refunds.ofOrder(orderId)));
    }

    PageResult<OrderSummary> customerOrders(String customerSubject, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM orders WHERE customer_subject = :customer")
                .param("customer", customerSubject)
                .query(Long.class).single();
        List<OrderRow> rows = jdbc.sql("""
                        SELECT order_id, status, payment_status, currency, grand_total_minor, item_count,
                               vendor_count, placed_at, updated_at, version
                          FROM orders WHERE customer_subject = :customer
                         ORDER BY placed_at DESC, order_id LIMIT :limit OFFSET :offset""")
                .param("customer", customerSubject)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((row, index) -> new OrderRow(UUID.fromString(row.getString("order_id")), row))
                .list();
        Map<UUID, List<VendorOrderSummary>> vendorOrders = vendorOrderSummaries(
                rows.stream().map(OrderRow::orderId).toList());
        return PageResult.of(rows.stream()
                .map(row -> row.summary(vendorOrders.getOrDefault(row.orderId(), List.of())))
                .toList(), page, size, total);
    }

    Optional<VendorOrderView> vendorOrder(VendorOrderId vendorOrderId) {
        UUID id = uuid(vendorOrderId);
        return jdbc.sql("SELECT " + VENDOR_ORDER_COLUMNS + " FROM vendor_orders WHERE vendor_order_id = :id")
                .param("id", id)
                .query((row, index) -> toVendorOrder(row, List.of()))
                .optional()
                .map(view -> withLines(view, vendorOrderLines(List.of(id)).getOrDefault(id, List.of())));
    }

    PageResult<VendorOrderView> vendorOrders(VendorId vendorId, VendorOrderStatus status, int page, int size) {
        String where = " WHERE vendor_id = :vendor" + (status == null ? "" : " AND status = :status");
        JdbcClient.StatementSpec count = jdbc.sql("SELECT count(*) FROM vendor_orders" + where)
                .param("vendor", uuid(vendorId));
        JdbcClient.StatementSpec select = jdbc.sql("SELECT " + VENDOR_ORDER_COLUMNS + " FROM vendor_orders" + where
                        + " ORDER BY created_at DESC, vendor_order_id LIMIT :limit OFFSET :offset")
                .param("vendor", uuid(vendorId))
                .param("limit", size)
                .param("offset", (long) page * size);
        if (status != null) {
            count = count.param("status", status.name());
            select = select.param("status", status.name());
        }
        long total = count.query(Long.class).single();
        List<VendorOrderView> withoutLines = select.query((row, index) -> toVendorOrder(row, List.of())).list();
        Map<UUID, List<VendorOrderView.Line>> lines = vendorOrderLines(withoutLines.stream()
                .map(view -> UUID.fromString(view.vendorOrderId())).toList());
        return PageResult.of(withoutLines.stream()
                .map(view -> withLines(view, lines.getOrDefault(UUID.fromString(view.vendorOrderId()), List.of())))
                .toList(), page, size, total);
    }

    private OrderView toView(ResultSet row, UUID orderId) throws SQLException {
        String paymentId = row.getString("payment_id");
        String cancellationParty = row.getString("cancellation_party");
        boolean afterPayment = row.getBoolean("cancelled_after_payment");
        Boolean cancelledAfterPayment = row.wasNull() ? null : afterPayment;
        return new OrderView(
                orderId.toString(),
                row.getString("customer_subject"),
                OrderStatus.valueOf(row.getString("status")),
                new OrderView.Totals(money(row, "subtotal_minor"), money(row, "shipping_minor"),
                        money(row, "vat_minor"), money(row, "grand_total_minor"), row.getInt("vat_rate_bp"),
                        row.getString("ship_to_country")),
                row.getInt("item_count"),
                row.getInt("vendor_count"),
                json.readValue(row.getString("shipping_address"), ShippingAddress.class),
                new OrderView.Payment(paymentId, PaymentProvider.valueOf(row.getString("payment_provider")),
                        enumOf(PaymentStatus.class, row.getString("payment_status")), money(row, "paid_minor")),
                cancellationParty == null ? null : new OrderView.Cancellation(
                        CancellationParty.valueOf(cancellationParty), row.getString("cancellation_subject"),
                        row.getString("cancellation_reason"), cancelledAfterPayment,
                        instant(row, "cancellation_requested_at"), instant(row, "cancelled_at")),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                instant(row, "placed_at"),
                instant(row, "paid_at"),
                instant(row, "completed_at"),
                instant(row, "cancelled_at"),
                instant(row, "updated_at"),
                row.getLong("version"));
    }

    private List<OrderView.Line> orderLines(UUID orderId) {
        return jdbc.sql("""
                        SELECT listing_id, vendor_id, quantity, unit_price_minor, line_total_minor, vat_minor, currency
                          FROM order_lines WHERE order_id = :id ORDER BY line_number""")
                .param("id", orderId)
                .query((row, index) -> new OrderView.Line(
                        row.getString("listing_id"),
                        row.getString("vendor_id"),
                        row.getInt("quantity"),
                        money(row, "unit_price_minor"),
                        money(row, "line_total_minor"),
                        money(row, "vat_minor")))
                .list();
    }

    private List<TimelineEntry> timeline(UUID orderId) {
        return jdbc.sql("""
                        SELECT occurred_at, event_type, description, actor, actor_subject, vendor_id
                          FROM order_timeline WHERE order_id = :id
                         ORDER BY occurred_at, store_position NULLS LAST, aggregate_type, aggregate_sequence""")
                .param("id", orderId)
                .query((row, index) -> new TimelineEntry(
                        instant(row, "occurred_at"),
                        row.getString("event_type"),
                        row.getString("description"),
                        TimelineEntry.Actor.valueOf(row.getString("actor")),
                        row.getString("actor_subject"),
                        row.getString("vendor_id")))
                .list();
    }

    private Map<UUID, List<VendorOrderSummary>> vendorOrderSummaries(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        SELECT order_id, vendor_order_id, vendor_id, status, total_minor, currency, carrier,
                               tracking_reference, updated_at
                          FROM vendor_orders WHERE order_id IN (:ids) ORDER BY created_at, vendor_id""")
                .param("ids", List.copyOf(orderIds))
                .query((row, index) -> Map.entry(UUID.fromString(row.getString("order_id")), new VendorOrderSummary(
                        row.getString("vendor_order_id"),
                        row.getString("vendor_id"),
                        VendorOrderStatus.valueOf(row.getString("status")),
                        money(row, "total_minor"),
                        row.getString("carrier"),
                        row.getString("tracking_reference"),
                        instant(row, "updated_at"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private Map<UUID, List<VendorOrderView.Line>> vendorOrderLines(Collection<UUID> vendorOrderIds) {
        if (vendorOrderIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        SELECT vendor_order_id, listing_id, quantity, unit_price_minor, line_total_minor, vat_minor,
                               currency
                          FROM vendor_order_lines WHERE vendor_order_id IN (:ids)
                         ORDER BY vendor_order_id, line_number""")
                .param("ids", List.copyOf(vendorOrderIds))
                .query((row, index) -> Map.entry(UUID.fromString(row.getString("vendor_order_id")),
                        new VendorOrderView.Line(
                                row.getString("listing_id"),
                                row.getInt("quantity"),
                                money(row, "unit_price_minor"),
                                money(row, "line_total_minor"),
                                money(row, "vat_minor"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private VendorOrderView toVendorOrder(ResultSet row, List<VendorOrderView.Line> lines) throws SQLException {
        String carrier = row.getString("carrier");
        String closingParty = row.getString("closing_party");
        return new VendorOrderView(
                row.getString("vendor_order_id"),
                row.getString("order_id"),
                row.getString("vendor_id"),
                row.getString("customer_subject"),
                VendorOrderStatus.valueOf(row.getString("status")),
                lines,
                new VendorOrderView.Totals(money(row, "subtotal_minor"), money(row, "shipping_minor"),
                        money(row, "shipping_vat_minor"), money(row, "vat_minor"), money(row, "total_minor")),
                row.getInt("item_count"),
                json.readValue(row.getString("shipping_address"), ShippingAddress.class),
                carrier == null ? null : new VendorOrderView.Shipment(carrier, row.getString("tracking_reference"),
                        instant(row, "shipped_at")),
                closingParty == null ? null : new VendorOrderView.Closing(CancellationParty.valueOf(closingParty),
                        row.getString("closing_subject"), row.getString("closing_reason"),
                        money(row, "refund_due_minor"), instant(row, "closed_at")),
                instant(row, "created_at"),
                instant(row, "accepted_at"),
                instant(row, "delivered_at"),
                instant(row, "updated_at"),
                row.getLong("version"));
    }

    private static OrderView withDetails(OrderView view, List<OrderView.Line> lines,
                                         List<VendorOrderSummary> vendorOrders, List<TimelineEntry> timeline,
                                         List<RefundView> refunds) {
        return new OrderView(view.orderId(), view.customerSubject(), view.status(), view.totals(), view.itemCount(),
                view.vendorCount(), view.shippingAddress(), view.payment(), view.cancellation(), lines, vendorOrders,
                timeline, refunds, view.placedAt(), view.paidAt(), view.completedAt(), view.cancelledAt(), view.updatedAt(),
                view.version());
    }

    private static VendorOrderView withLines(VendorOrderView view, List<VendorOrderView.Line> lines) {
        return new VendorOrderView(view.vendorOrderId(), view.orderId(), view.vendorId(), view.customerSubject(),
                view.status(), lines, view.totals(), view.itemCount(), view.shippingAddress(), view.shipment(),
                view.closing(), view.createdAt(), view.acceptedAt(), view.deliveredAt(), view.updatedAt(),
                view.version());
    }

    /** A page's order row, kept until the vendor orders of the whole page are read. */
    private record OrderRow(UUID orderId, OrderSummary summary) {

        OrderRow(UUID orderId, ResultSet row) throws SQLException {
            this(orderId, new OrderSummary(orderId.toString(),
                    OrderStatus.valueOf(row.getString("status")),
                    enumOf(PaymentStatus.class, row.getString("payment_status")),
                    money(row, "grand_total_minor"),
                    row.getInt("item_count"),
                    row.getInt("vendor_count"),
                    List.of(),
                    instant(row, "placed_at"),
                    instant(row, "updated_at"),
                    row.getLong("version")));
        }

        OrderSummary summary(List<VendorOrderSummary> vendorOrders) {
            return new OrderSummary(summary.orderId(), summary.status(), summary.paymentStatus(),
                    summary.grandTotal(), summary.itemCount(), summary.vendorCount(), vendorOrders,
                    summary.placedAt(), summary.updatedAt(), summary.version());
        }
    }
}
