package com.souq.commerce.wallet.query;

import com.souq.commerce.platform.web.PageResult;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.wallet.api.WalletId;
import com.souq.commerce.wallet.query.api.FindWalletStatementQuery;
import com.souq.commerce.wallet.query.api.WalletMovementView;
import com.souq.commerce.wallet.query.api.WalletStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers wallet queries from {@code wallet_balances} and {@code wallet_movements}. */
@Component
class WalletQueryHandler {

    private final JdbcClient jdbc;

    WalletQueryHandler(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    WalletStatement handle(FindWalletStatementQuery query) {
        WalletId walletId = WalletId.of(query.owner(), query.currency());
        UUID id = UUID.fromString(walletId.value());
        String currency = query.currency().getCurrencyCode();
        long[] balances = jdbc.sql("SELECT balance_minor, available_minor FROM wallet_balances WHERE wallet_id = :id")
                .param("id", id)
                .query((row, index) -> new long[] {row.getLong("balance_minor"), row.getLong("available_minor")})
                .optional()
                .orElse(new long[2]);
        long total = jdbc.sql("SELECT count(*) FROM wallet_movements WHERE wallet_id = :id")
                .param("id", id)
                .query(Long.class).single();
        List<WalletMovementView> movements = jdbc.sql("""
                        SELECT sequence_number, transaction_id, movement_type, hold_transaction_id, amount_minor,
                               balance_change_minor, balance_after_minor, available_after_minor, currency, reference,
                               occurred_at
                          FROM wallet_movements WHERE wallet_id = :id
                         ORDER BY sequence_number DESC LIMIT :limit OFFSET :offset""")
                .param("id", id)
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(WalletQueryHandler::toMovement)
                .list();
        return new WalletStatement(walletId.value(), query.owner().type().name(), query.owner().id(), currency,
                Money.of(balances[0], currency), Money.of(balances[1], currency),
                Money.of(balances[0] - balances[1], currency),
                PageResult.of(movements, query.page(), query.size(), total));
    }

    private static WalletMovementView toMovement(ResultSet row, int index) throws SQLException {
        String currency = row.getString("currency");
        return new WalletMovementView(
                row.getLong("sequence_number"),
                row.getString("transaction_id"),
                row.getString("movement_type"),
                row.getString("hold_transaction_id"),
                Money.of(row.getLong("amount_minor"), currency),
                Money.of(row.getLong("balance_change_minor"), currency),
                Money.of(row.getLong("balance_after_minor"), currency),
                Money.of(row.getLong("available_after_minor"), currency),
                row.getString("reference"),
                row.getTimestamp("occurred_at").toInstant());
    }
}
