package com.souq.commerce.infrastructure.testing;

import com.souq.commerce.infrastructure.elasticsearch.ElasticsearchNode;
import com.souq.commerce.infrastructure.postgres.EmbeddedPostgresServer;
import com.souq.commerce.infrastructure.postgres.LocalPostgres;
import com.souq.commerce.infrastructure.postgres.PostgresConnection;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real servers of one integration-test JVM, shared by all its test classes of any module.
 *
 * <p>Starting Elasticsearch takes seconds, so every server is started at most once per JVM, on first use, and
 * stopped by a shutdown hook when the JVM exits:
 * <ul>
 *   <li>PostgreSQL: the machine's server when {@link LocalPostgres#probe()} finds one, in a fresh database
 *       {@code souq_it_<pid>} dropped at exit (so parallel builds never share data); otherwise an embedded
 *       PostgreSQL 15 on a temporary data directory;</li>
 *   <li>Elasticsearch: one node from {@link ElasticsearchNode#locateDistribution()} on temporary data.</li>
 * </ul>
 * Both methods are thread-safe; a failed start is reported to every caller and retried on the next call.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final Object POSTGRES_LOCK = new Object();
    private static final Object ELASTICSEARCH_LOCK = new Object();

    private static volatile PostgresConnection postgres;
    private static volatile URI elasticsearch;

    private TestInfrastructure() {
    }

    /** The JVM's PostgreSQL database; superuser rights, empty at first. */
    public static PostgresConnection postgres() {
        PostgresConnection started = postgres;
        if (started != null) {
            return started;
        }
        synchronized (POSTGRES_LOCK) {
            if (postgres == null) {
                postgres = startPostgres();
            }
            return postgres;
        }
    }

    /** The HTTP address of the JVM's Elasticsearch node, {@code http://127.0.0.1:<port>}. */
    public static URI elasticsearch() {
        URI started = elasticsearch;
        if (started != null) {
            return started;
        }
        synchronized (ELASTICSEARCH_LOCK) {
            if (elasticsearch == null) {
                ElasticsearchNode node = ElasticsearchNode.start(
                        ElasticsearchNode.Settings.temporary(ElasticsearchNode.locateDistribution())
                                .withClusterName("souq-it-" + ProcessHandle.current().pid()));
                onExit("elasticsearch", node::close);
                elasticsearch = node.httpUri();
            }
            return elasticsearch;
        }
    }

    private static PostgresConnection startPostgres() {
        Optional<PostgresConnection> machine = LocalPostgres.probe();
        if (machine.isPresent()) {
            String database = "souq_it_" + ProcessHandle.current().pid();
            PostgresConnection fresh = LocalPostgres.createFreshDatabase(machine.get(), database);
            onExit("postgres", () -> LocalPostgres.dropDatabase(machine.get(), database));
            log.info("Integration tests use the database {} on the machine's PostgreSQL", fresh.jdbcUrl());
            return fresh;
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary();
        onExit("postgres", server::close);
        log.info("No PostgreSQL on this machine; integration tests use {}", server);
        return server.connection();
    }

    private static void onExit(String server, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
            } catch (RuntimeException e) {
                log.warn("Stopping the test {} failed", server, e);
            }
        }, "test-infrastructure-" + server + "-shutdown"));
    }
}
