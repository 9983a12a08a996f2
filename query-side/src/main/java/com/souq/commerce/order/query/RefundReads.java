package com.souq.commerce.order.query;

import static com.souq.commerce.order.query.Rows.instant;
import static com.souq.commerce.order.query.Rows.money;
import static com.souq.commerce.order.query.Rows.uuid;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.query.api.FindOrderRefundsQuery;
import com.souq.commerce.order.query.api.FindRefundQuery;
import com.souq.commerce.order.query.api.FindVendorRefundsQuery;
import com.souq.commerce.order.query.api.RefundView;
import com.souq.commerce.platform.web.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Answers refund queries from the {@code refunds} table. */
@Component
class RefundReads {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RefundReads(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    Optional<RefundView> handle(FindRefundQuery query) {
        return jdbc.sql("SELECT * FROM refunds WHERE refund_id = :id")
                .param("id", uuid(query.refundId().value()))
                .query((row, rowNumber) -> toView(row))
                .optional();
    }

    @QueryHandler
    List<RefundView> handle(FindOrderRefundsQuery query) {
        return ofOrder(query.orderId());
    }

    /** Declared raw because Axon matches an instance response type against the erased class. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    PageResult handle(FindVendorRefundsQuery query) {
        String where = "vendor_id = :vendor" + (query.status() == null ? "" : " AND status = :status");
        JdbcClient.StatementSpec count = jdbc.sql("SELECT count(*) FROM refunds WHERE " + where)
                .param("vendor", uuid(query.vendorId().value()));
        JdbcClient.StatementSpec page = jdbc.sql("SELECT * FROM refunds WHERE " + where
                        + " ORDER BY updated_at DESC, refund_id LIMIT :size OFFSET :offset")
                .param("vendor", uuid(query.vendorId().value()))
                .param("size", query.size())
                .param("offset", (long) query.page() * query.size());
        if (query.status() != null) {
            count = count.param("status", query.status());
            page = page.param("status", query.status());
        }
        long total = count.query(Long.class).single();
        return PageResult.of(page.query((row, rowNumber) -> toView(row)).list(), query.page(), query.size(), total);
    }

    /** An order's refunds, newest first (also shown in the order view). */
    List<RefundView> ofOrder(OrderId orderId) {
        return jdbc.sql("SELECT * FROM refunds WHERE order_id = :order ORDER BY updated_at DESC, refund_id")
                .param("order", uuid(orderId.value()))
                .query((row, rowNumber) -> toView(row))
                .list();
    }

    private RefundView toView(ResultSet row) throws SQLException {
        return new RefundView(
                row.getString("refund_id"),
                row.getString("order_id"),
                row.getString("vendor_order_id"),
                row.getString("vendor_id"),
                row.getString("customer_subject"),
                row.getString("payment_id"),
                row.getString("status"),
                row.getBoolean("automatic"),
                money(row, "amount_minor"),
                Arrays.asList(json.readValue(row.getString("lines"), RefundView.Line[].class)),
                row.getString("requested_destination"),
                row.getString("destination"),
                row.getBoolean("restock"),
                row.getString("reason"),
                row.getString("requested_by"),
                row.getString("decided_by"),
                row.getString("rejection_reason"),
                row.getString("provider"),
                row.getString("provider_reference"),
                row.getString("failure_reason"),
                instant(row, "requested_at"),
                instant(row, "decided_at"),
                instant(row, "refunded_at"),
                instant(row, "updated_at"));
    }
}
