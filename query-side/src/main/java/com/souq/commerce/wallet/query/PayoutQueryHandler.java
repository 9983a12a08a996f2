package com.souq.commerce.wallet.query;

import com.souq.commerce.platform.web.PageResult;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.wallet.query.api.FindOwnerPayoutsQuery;
import com.souq.commerce.wallet.query.api.FindPayoutQuery;
import com.souq.commerce.wallet.query.api.PayoutView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers payout queries from the {@code payouts} table. */
@Component
class PayoutQueryHandler {

    private final JdbcClient jdbc;

    PayoutQueryHandler(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<PayoutView> handle(FindPayoutQuery query) {
        return jdbc.sql("SELECT * FROM payouts WHERE payout_id = :id")
                .param("id", UUID.fromString(query.payoutId().value()))
                .query((row, index) -> toView(row))
                .optional();
    }

    /** Declared raw because Axon matches an instance response type against the erased class. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    PageResult handle(FindOwnerPayoutsQuery query) {
        long total = jdbc.sql("SELECT count(*) FROM payouts WHERE owner_type = :type AND owner_id = :owner")
                .param("type", query.owner().type().name())
                .param("owner", query.owner().id())
                .query(Long.class).single();
        return PageResult.of(jdbc.sql("""
                        SELECT * FROM payouts WHERE owner_type = :type AND owner_id = :owner
                         ORDER BY requested_at DESC, payout_id LIMIT :size OFFSET :offset""")
                .param("type", query.owner().type().name())
                .param("owner", query.owner().id())
                .param("size", query.size())
                .param("offset", (long) query.page() * query.size())
                .query((row, index) -> toView(row))
                .list(), query.page(), query.size(), total);
    }

    private static PayoutView toView(ResultSet row) throws SQLException {
        return new PayoutView(row.getString("payout_id"), row.getString("wallet_id"), row.getString("owner_type"),
                row.getString("owner_id"), row.getString("status"),
                Money.of(row.getLong("amount_minor"), row.getString("currency")), row.getString("method"),
                row.getString("requested_by"), row.getString("provider_reference"), row.getString("failure_reason"),
                instant(row, "requested_at"), instant(row, "submitted_at"), instant(row, "paid_at"),
                instant(row, "failed_at"), instant(row, "updated_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
