package com.souq.commerce.infrastructure.postgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server already running on this machine, if there is one.
 *
 * <p>Integration tests prefer it to an embedded server: it is up already and costs nothing to start. By default it
 * is {@code 127.0.0.1:5432}, user {@code postgres} with trust authentication, database {@code test}; the system
 * properties {@code souq.test.postgres.host}, {@code .port}, {@code .user}, {@code .password} and
 * {@code .database} point elsewhere. Tests get a database of their own from {@link #createFreshDatabase}, so runs
 * never see each other's data.
 */
public final class LocalPostgres {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final String PROPERTY_PREFIX = "souq.test.postgres.";
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private LocalPostgres() {
    }

    /**
     * An administrator connection to the machine's server as configured by the system properties, or empty when
     * nothing accepts a connection there within a second or the login fails.
     */
    public static Optional<PostgresConnection> probe() {
        return probe(property("host", "127.0.0.1"), Integer.parseInt(property("port", "5432")),
                property("user", "postgres"), property("password", ""), property("database", "test"));
    }

    /** Like {@link #probe()}, for an explicitly given server. */
    public static Optional<PostgresConnection> probe(String host, int port, String user, String password,
                                                     String database) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException unreachable) {
            log.debug("No PostgreSQL at {}:{}: {}", host, port, unreachable.toString());
            return Optional.empty();
        }
        PostgresConnection admin = new PostgresConnection("jdbc:postgresql://" + host + ":" + port + "/" + database,
                user, password);
        try (Connection ignored = connect(admin)) {
            return Optional.of(admin);
        } catch (SQLException refused) {
            log.info("PostgreSQL at {}:{} does not let {} into {}: {}", host, port, user, database,
                    refused.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Drops the database {@code name} if it exists (disconnecting its sessions) and creates it empty.
     *
     * @param admin a connection whose role may create and drop databases
     * @param name  a plain lower-case identifier
     * @return a connection to the new database with {@code admin}'s role
     */
    public static PostgresConnection createFreshDatabase(PostgresConnection admin, String name) {
        requirePlainName(name);
        execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name);
        return admin.withDatabase(name);
    }

    /** Drops the database {@code name} if it exists, disconnecting its sessions. */
    public static void dropDatabase(PostgresConnection admin, String name) {
        requirePlainName(name);
        execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(PostgresConnection admin, String... statements) {
        try (Connection connection = connect(admin); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Failed on " + admin.jdbcUrl() + ": " + String.join("; ", statements), e);
        }
    }

    private static Connection connect(PostgresConnection connection) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", connection.username());
        properties.setProperty("password", connection.password());
        properties.setProperty("connectTimeout", "1");
        properties.setProperty("loginTimeout", "3");
        properties.setProperty("socketTimeout", "60");
        return DriverManager.getConnection(connection.jdbcUrl(), properties);
    }

    private static void requirePlainName(String name) {
        if (!PLAIN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case database name: " + name);
        }
    }

    private static String property(String key, String defaultValue) {
        String value = System.getProperty(PROPERTY_PREFIX + key);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
