package com.souq.commerce.order.query;

import com.souq.commerce.shared.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Conversions between the order read models' columns and Java values. */
final class Rows {

    private Rows() {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static UUID uuid(Object id) {
        return UUID.fromString(id.toString());
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The amount in {@code column}, in the row's {@code currency}; {@code null} when the column is. */
    static Money money(ResultSet row, String column) throws SQLException {
        long minorUnits = row.getLong(column);
        return row.wasNull() ? null : Money.of(minorUnits, row.getString("currency"));
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
