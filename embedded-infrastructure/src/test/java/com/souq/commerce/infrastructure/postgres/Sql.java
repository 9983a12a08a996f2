package com.souq.commerce.infrastructure.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The two JDBC chores the PostgreSQL tests need: running statements and reading one column. */
public final class Sql {

    private Sql() {
    }

    public static void execute(PostgresConnection connection, String... statements) throws SQLException {
        try (Connection jdbc = connection.open(); Statement statement = jdbc.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    public static List<String> column(PostgresConnection connection, String query) throws SQLException {
        try (Connection jdbc = connection.open(); Statement statement = jdbc.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        }
    }
}
