package com.souq.commerce.payment.query;

import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentStatus;
import com.souq.commerce.payment.query.api.FindOrderPaymentQuery;
import com.souq.commerce.payment.query.api.PaymentView;
import com.souq.commerce.shared.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers payment queries from the {@code payments} table. */
@Component
class PaymentQueryHandler {

    private final JdbcClient jdbc;

    PaymentQueryHandler(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<PaymentView> handle(FindOrderPaymentQuery query) {
        return jdbc.sql("""
                        SELECT payment_id, order_id, customer_subject, status, provider, method, provider_reference,
                               amount_minor, from_wallet_minor, currency, authorized_minor, captured_minor, next_action_url,
                               failure_reason, cancellation_reason, requested_at, authorized_at, captured_at,
                               updated_at, version
                          FROM payments WHERE order_id = :order
                         ORDER BY requested_at DESC, payment_id LIMIT 1""")
                .param("order", UUID.fromString(query.orderId().value()))
                .query(PaymentQueryHandler::toView)
                .optional();
    }

    private static PaymentView toView(ResultSet row, int index) throws SQLException {
        PaymentStatus status = PaymentStatus.valueOf(row.getString("status"));
        return new PaymentView(
                row.getString("payment_id"),
                row.getString("order_id"),
                row.getString("customer_subject"),
                status,
                PaymentProvider.valueOf(row.getString("provider")),
                row.getString("method"),
                row.getString("provider_reference"),
                money(row, "amount_minor"),
                money(row, "from_wallet_minor"),
                money(row, "authorized_minor"),
                money(row, "captured_minor"),
                status == PaymentStatus.REQUIRES_ACTION ? row.getString("next_action_url") : null,
                row.getString("failure_reason"),
                row.getString("cancellation_reason"),
                instant(row.getTimestamp("requested_at")),
                instant(row.getTimestamp("authorized_at")),
                instant(row.getTimestamp("captured_at")),
                instant(row.getTimestamp("updated_at")),
                row.getLong("version"));
    }

    private static Money money(ResultSet row, String column) throws SQLException {
        long minorUnits = row.getLong(column);
        return row.wasNull() ? null : Money.of(minorUnits, row.getString("currency"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
