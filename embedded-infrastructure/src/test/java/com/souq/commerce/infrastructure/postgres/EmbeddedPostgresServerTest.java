package com.souq.commerce.infrastructure.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void keepsARowAcrossAStopAndStartOnTheSameDataDirectory(@TempDir Path root) throws Exception {
        Path data = root.resolve("postgres");
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data, 0)) {
            assertThat(first.connection().database()).isEqualTo("souq");
            Sql.execute(first.connection(), "CREATE TABLE kept (id int)", "INSERT INTO kept VALUES (42)");
        }
        assertThat(data.resolve("PG_VERSION")).exists();

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data, 0)) {
            assertThat(Sql.column(second.connection(), "SELECT id FROM kept")).containsExactly("42");
            assertThat(Sql.column(second.connection(),
                    "SELECT current_setting('fsync') || ',' || current_setting('synchronous_commit')"))
                    .as("a persistent server must not lose committed transactions")
                    .containsExactly("on,on");
        }
    }

    @Test
    void refusesASecondServerOnADirectoryInUse(@TempDir Path root) {
        Path data = root.resolve("postgres");
        try (EmbeddedPostgresServer ignored = EmbeddedPostgresServer.start(data, 0)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already runs PostgreSQL on " + data);
        }
    }

    @Test
    @Timeout(120)
    void stopsTheServerAJvmThatDiedLeftRunningAndKeepsItsData(@TempDir Path root) throws Exception {
        Path data = root.resolve("postgres");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AbandoningJvm.class.getName(), data.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(output.lines().filter("READY"::equals).findFirst()).contains("READY");
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        Optional<ProcessHandle> orphan = postmaster(data);
        assertThat(orphan).as("pg_ctl detaches the postmaster, so it outlives the JVM").isPresent();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
            assertThat(orphan.get().isAlive()).isFalse();
            assertThat(Sql.column(server.connection(), "SELECT name FROM survivor")).containsExactly("kept");
        } finally {
            orphan.get().destroy();
        }
    }

    @Test
    void aTemporaryServerDeletesItsDataDirectoryOnClose() throws Exception {
        Path data;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary()) {
            data = server.dataDirectory();
            Sql.execute(server.connection(), "CREATE TABLE scratch (id int)");
            assertThat(data).isDirectory();
        }
        assertThat(data).doesNotExist();
    }

    @Test
    void theDefaultDataDirectoryFollowsTheSouqDataDirProperty(@TempDir Path base) {
        String previous = System.getProperty("souq.data-dir");
        System.setProperty("souq.data-dir", base.toString());
        try {
            assertThat(EmbeddedPostgresServer.defaultDataDirectory()).isEqualTo(base.resolve("postgres"));
        } finally {
            restore("souq.data-dir", previous);
        }
    }

    private static Optional<ProcessHandle> postmaster(Path data) throws Exception {
        List<String> pidFile = Files.readAllLines(data.resolve("postmaster.pid"));
        return ProcessHandle.of(Long.parseLong(pidFile.getFirst().strip())).filter(ProcessHandle::isAlive);
    }

    static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }
}
