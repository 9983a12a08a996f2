package com.souq.commerce.infrastructure.testing;

import com.souq.commerce.infrastructure.elasticsearch.ElasticsearchNode;
import com.souq.commerce.infrastructure.postgres.EmbeddedPostgresServer;
import com.souq.commerce.infrastructure.postgres.LocalPostgres;
import com.souq.commerce.infrastructure.postgres.PostgresConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real servers of an integration-test JVM, each started once and stopped when the JVM exits:
 * <ul>
 *   <li>PostgreSQL: the machine's server when one answers (a fresh database {@code souq_it_<pid>}, dropped at exit),
 *       otherwise an embedded PostgreSQL 15 on a temporary data directory;</li>
 *   <li>Elasticsearch: one real node from the distribution the build downloaded, on temporary data.</li>
 * </ul>
 */
public final class TestInfrastructure {

    private static PostgresConnection postgres;
    private static URI elasticsearch;

    private TestInfrastructure() {
    }

    public static synchronized PostgresConnection postgres() {
        if (postgres == null) {
            postgres = startPostgres();
        }
        return postgres;
    }

    public static synchronized URI elasticsearch() {
        if (elasticsearch == null) {
            ElasticsearchNode node = ElasticsearchNode.start(
                    ElasticsearchNode.Settings.temporary(ElasticsearchNode.locateDistribution()));
            onExit(node::close);
            elasticsearch = node.httpUri();
        }
        return elasticsearch;
    }

    private static PostgresConnection startPostgres() {
        Optional<PostgresConnection> machine = LocalPostgres.probe();
        if (machine.isPresent()) {
            String database = "souq_it_" + ProcessHandle.current().pid();
            PostgresConnection fresh = LocalPostgres.createFreshDatabase(machine.get(), database);
            onExit(() -> LocalPostgres.dropDatabase(machine.get(), database));
            return fresh;
        }
        try {
            Path data = Files.createTempDirectory("souq-it-postgres-");
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0);
            onExit(() -> {
                server.close();
                deleteTree(data);
            });
            return server.connection();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void onExit(Runnable action) {
        Runtime.getRuntime().addShutdownHook(new Thread(action, "test-infrastructure-shutdown"));
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temporary directory
        }
    }
}
