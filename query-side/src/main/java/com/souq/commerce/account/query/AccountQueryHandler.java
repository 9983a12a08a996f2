package com.souq.commerce.account.query;

import com.souq.commerce.account.api.PostalAddress;
import com.souq.commerce.account.query.api.AccountView;
import com.souq.commerce.account.query.api.FindAccountQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Answers account queries from the {@code accounts} table. */
@Component
class AccountQueryHandler {

    private static final TypeReference<List<PostalAddress>> ADDRESSES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AccountQueryHandler(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    Optional<AccountView> handle(FindAccountQuery query) {
        return jdbc.sql("SELECT * FROM accounts WHERE account_id = :id")
                .param("id", UUID.fromString(query.accountId().value()))
                .query(this::toView)
                .optional();
    }

    private AccountView toView(ResultSet row, int index) throws SQLException {
        return new AccountView(row.getString("account_id"), row.getString("email"), row.getString("display_name"),
                row.getString("phone"), row.getString("language"), row.getString("role"), row.getString("vendor_id"),
                row.getBoolean("email_verified"), json.readValue(row.getString("addresses"), ADDRESSES),
                instant(row.getTimestamp("created_at")), instant(row.getTimestamp("verified_at")),
                instant(row.getTimestamp("password_changed_at")), instant(row.getTimestamp("updated_at")),
                row.getLong("version"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
