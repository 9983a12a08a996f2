package com.souq.commerce.infrastructure.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to reach one PostgreSQL database, in the three values a JDBC {@code DataSource} needs.
 *
 * <p>The password is never part of {@link #toString()}, since these values end up in log lines.
 *
 * @param jdbcUrl  a {@code jdbc:postgresql://host:port/database} URL, optionally with parameters
 * @param username the role to log in as
 * @param password its password, empty for trust authentication
 */
public record PostgresConnection(String jdbcUrl, String username, String password) {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

    public PostgresConnection {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (!URL.matcher(jdbcUrl).matches()) {
            throw new IllegalArgumentException("Not a jdbc:postgresql://host:port/database URL: " + jdbcUrl);
        }
    }

    /** The database part of the URL. */
    public String database() {
        return matcher().group(2);
    }

    /** The same server, role and parameters, but another database. */
    public PostgresConnection withDatabase(String database) {
        Matcher matcher = matcher();
        String parameters = matcher.group(3) == null ? "" : matcher.group(3);
        return new PostgresConnection(matcher.group(1) + database + parameters, username, password);
    }

    /** Opens a plain JDBC connection; the caller closes it. */
    public Connection open() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    @Override
    public String toString() {
        return "PostgresConnection[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=" + (password.isEmpty()
                ? "" : "***") + "]";
    }

    private Matcher matcher() {
        Matcher matcher = URL.matcher(jdbcUrl);
        if (!matcher.matches()) {
            throw new IllegalStateException("Not a PostgreSQL URL: " + jdbcUrl);
        }
        return matcher;
    }
}
