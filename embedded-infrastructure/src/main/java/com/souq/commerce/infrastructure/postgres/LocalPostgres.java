package com.souq.commerce.infrastructure.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server already running on this machine, if any: by default {@code 127.0.0.1:5432}, user
 * {@code postgres}, database {@code test} (override with {@code souq.test.postgres.host/port/user/database}).
 */
public final class LocalPostgres {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private LocalPostgres() {
    }

    /** The machine's server as an administrator connection, or empty when nothing answers within a second. */
    public static Optional<PostgresConnection> probe() {
        String host = System.getProperty("souq.test.postgres.host", "127.0.0.1");
        String port = System.getProperty("souq.test.postgres.port", "5432");
        String user = System.getProperty("souq.test.postgres.user", "postgres");
        String database = System.getProperty("souq.test.postgres.database", "test");
        PostgresConnection admin = new PostgresConnection(
                "jdbc:postgresql://" + host + ":" + port + "/" + database, user, "");
        try (Connection ignored = connect(admin, 1)) {
            return Optional.of(admin);
        } catch (SQLException unreachable) {
            return Optional.empty();
        }
    }

    /** Drops the database {@code name} if it exists, creates it empty, and answers a connection to it. */
    public static PostgresConnection createFreshDatabase(PostgresConnection admin, String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = connect(admin, 5); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + name, e);
        }
        String url = admin.jdbcUrl().substring(0, admin.jdbcUrl().lastIndexOf('/') + 1) + name;
        return new PostgresConnection(url, admin.username(), admin.password());
    }

    public static void dropDatabase(PostgresConnection admin, String name) {
        try (Connection connection = connect(admin, 5); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the database " + name, e);
        }
    }

    private static Connection connect(PostgresConnection connection, int timeoutSeconds) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", connection.username());
        if (connection.password() != null && !connection.password().isEmpty()) {
            properties.setProperty("password", connection.password());
        }
        properties.setProperty("connectTimeout", String.valueOf(timeoutSeconds));
        properties.setProperty("loginTimeout", String.valueOf(timeoutSeconds));
        return DriverManager.getConnection(connection.jdbcUrl(), properties);
    }
}
