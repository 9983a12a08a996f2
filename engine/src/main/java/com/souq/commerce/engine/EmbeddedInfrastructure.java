package com.souq.commerce.engine;

import com.souq.commerce.infrastructure.elasticsearch.ElasticsearchNode;
import com.souq.commerce.infrastructure.postgres.EmbeddedPostgresServer;
import com.souq.commerce.infrastructure.postgres.PostgresConnection;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.logging.Log;
import org.slf4j.LoggerFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default of the single-process engine: when no {@code spring.datasource.url} is configured it starts a
 * PostgreSQL 15 of its own, and when no {@code souq.elasticsearch.url} is configured a real Elasticsearch node, both
 * in parallel and both keeping their data under {@code souq.data-dir} (by default the user's data directory), so a
 * restart finds everything again. A configured URL (the machine's server, the compose one) replaces each.
 * The servers stop after the application context has closed.
 */
class EmbeddedInfrastructure implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    /** Logging is not set up yet when the environment is prepared: Boot replays these lines once it is. */
    EmbeddedInfrastructure(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedInfrastructure.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean needsPostgres = isBlank(environment.getProperty("spring.datasource.url"));
        boolean needsSearch = isBlank(environment.getProperty("souq.elasticsearch.url"));
        if (!needsPostgres && !needsSearch) {
            return;
        }
        String dataDir = environment.getProperty("souq.data-dir");
        Path base = isBlank(dataDir) ? null : Path.of(dataDir);

        CompletableFuture<ElasticsearchNode> search = needsSearch
                ? CompletableFuture.supplyAsync(() -> startSearch(base))
                : CompletableFuture.completedFuture(null);
        EmbeddedPostgresServer postgres = needsPostgres ? startPostgres(base) : null;
        ElasticsearchNode node = search.join();

        Map<String, Object> properties = new HashMap<>();
        if (postgres != null) {
            PostgresConnection connection = postgres.connection();
            properties.put("spring.datasource.url", connection.jdbcUrl());
            properties.put("spring.datasource.username", connection.username());
            properties.put("spring.datasource.password", connection.password() == null ? "" : connection.password());
            log.info("Embedded PostgreSQL: " + connection.jdbcUrl() + " (user " + connection.username() + ")");
        }
        if (node != null) {
            properties.put("souq.elasticsearch.url", node.httpUri().toString());
            log.info("Embedded Elasticsearch: " + node.httpUri());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedInfrastructure", properties));
        stopAfterContext(application, postgres, node);
    }

    private static EmbeddedPostgresServer startPostgres(Path base) {
        Path dataDirectory = base == null ? EmbeddedPostgresServer.defaultDataDirectory() : base.resolve("postgres");
        return EmbeddedPostgresServer.start(dataDirectory, 0);
    }

    private static ElasticsearchNode startSearch(Path base) {
        Path dataDirectory = base == null ? ElasticsearchNode.defaultDataDirectory() : base.resolve("elasticsearch");
        return ElasticsearchNode.start(ElasticsearchNode.Settings.persistent(
                ElasticsearchNode.locateDistribution(), dataDirectory));
    }

    /** Spring's own shutdown hook and this one race; closing the context first makes the servers stop last. */
    private static void stopAfterContext(SpringApplication application, EmbeddedPostgresServer postgres,
                                         ElasticsearchNode node) {
        AtomicReference<ConfigurableApplicationContext> context = new AtomicReference<>();
        application.addListeners(event -> {
            if (event instanceof ApplicationPreparedEvent prepared) {
                context.set(prepared.getApplicationContext());
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (context.get() != null) {
                context.get().close();
            }
            closeQuietly(node);
            closeQuietly(postgres);
        }, "embedded-infrastructure-shutdown"));
    }

    private static void closeQuietly(AutoCloseable server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            LoggerFactory.getLogger(EmbeddedInfrastructure.class).warn("Stopping {} failed", server, e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
