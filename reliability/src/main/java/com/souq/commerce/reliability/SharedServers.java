package com.souq.commerce.reliability;

import com.souq.commerce.infrastructure.postgres.EmbeddedPostgresServer;
import com.souq.commerce.infrastructure.postgres.LocalPostgres;
import com.souq.commerce.infrastructure.postgres.PostgresConnection;
import com.souq.commerce.infrastructure.testing.TestInfrastructure;
import com.souq.commerce.infrastructure.elasticsearch.ElasticsearchNode;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one PostgreSQL database and the one Elasticsearch node every engine process of a run shares: a fresh database
 * per run on the machine's server (an embedded PostgreSQL when none answers), dropped when the run ends, and the
 * JVM's Elasticsearch node of {@link TestInfrastructure} (one per JVM, so the test suite starts no second one), or
 * for {@code bin/reliability} a node of the run's own.
 */
final class SharedServers implements AutoCloseable {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final PostgresConnection admin;
    private final EmbeddedPostgresServer embedded;
    private final String database;
    private final PostgresConnection postgres;
    private final URI elasticsearch;
    private final boolean keep;

    private final ElasticsearchNode ownNode;

    private SharedServers(PostgresConnection admin, EmbeddedPostgresServer embedded, String database, boolean keep,
                          Duration searchStartup) {
        this.admin = admin;
        this.embedded = embedded;
        this.database = database;
        this.keep = keep;
        // Elasticsearch first: when it fails to start, no database is left behind.
        this.ownNode = searchStartup == null ? null : ElasticsearchNode.start(ElasticsearchNode.Settings
                .temporary(ElasticsearchNode.locateDistribution()).withStartupTimeout(searchStartup)
                .withClusterName("souq-reliability-" + ProcessHandle.current().pid()));
        this.elasticsearch = ownNode == null ? TestInfrastructure.elasticsearch() : ownNode.httpUri();
        this.postgres = LocalPostgres.createFreshDatabase(admin, database);
    }

    /**
     * @param keep          leave the database in place after the run, to read it with psql
     * @param searchStartup start an Elasticsearch node of the run's own, waiting this long for it (a loaded machine
     *                      needs more than the tests' 90 s); null: the JVM's node of {@link TestInfrastructure}
     */
    static SharedServers start(String run, boolean keep, Duration searchStartup) {
        String database = "souq_rel_" + run.replace('-', '_') + "_" + ProcessHandle.current().pid() + "_"
                + RUNS.incrementAndGet();
        return LocalPostgres.probe()
                .map(admin -> new SharedServers(admin, null, database, keep, searchStartup))
                .orElseGet(() -> {
                    EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary();
                    return new SharedServers(server.connection(), server, database, false, searchStartup);
                });
    }

    PostgresConnection postgres() {
        return postgres;
    }

    URI elasticsearch() {
        return elasticsearch;
    }

    String database() {
        return database;
    }

    @Override
    public void close() {
        if (ownNode != null) {
            ownNode.close();
        }
        if (embedded != null) {
            embedded.close();
        } else if (!keep) {
            LocalPostgres.dropDatabase(admin, database);
        }
    }
}
