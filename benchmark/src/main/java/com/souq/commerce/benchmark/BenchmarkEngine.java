package com.souq.commerce.benchmark;

import com.souq.commerce.engine.EngineApplication;
import com.souq.commerce.infrastructure.postgres.PostgresConnection;
import com.souq.commerce.infrastructure.testing.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole engine started in the benchmark's process on throwaway servers: the machine's PostgreSQL in a fresh
 * database when one runs (an embedded one otherwise) and a fresh Elasticsearch node, as the integration tests do.
 */
final class BenchmarkEngine implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final PostgresConnection postgres;

    private BenchmarkEngine(ConfigurableApplicationContext context, PostgresConnection postgres) {
        this.context = context;
        this.postgres = postgres;
    }

    static BenchmarkEngine start() {
        return start(List.of());
    }

    /** Starts the engine with extra {@code --property=value} settings on top of its defaults. */
    static BenchmarkEngine start(List<String> settings) {
        PostgresConnection postgres = TestInfrastructure.postgres();
        System.setProperty("spring.datasource.url", postgres.jdbcUrl());
        System.setProperty("spring.datasource.username", postgres.username());
        System.setProperty("spring.datasource.password", postgres.password() == null ? "" : postgres.password());
        System.setProperty("souq.elasticsearch.url", TestInfrastructure.elasticsearch().toString());
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
                "--logging.level.com.souq=INFO"));
        arguments.addAll(settings);
        ConfigurableApplicationContext context = SpringApplication.run(EngineApplication.class,
                arguments.toArray(String[]::new));
        return new BenchmarkEngine(context, postgres);
    }

    /** The engine's database, for a benchmark's own plain JDBC connections next to it. */
    PostgresConnection postgres() {
        return postgres;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    long head() {
        return bean(EventStore.class).createHeadToken().position().orElse(0);
    }

    /** Waits until every segment of {@code processor} has handled the store up to {@code head}; answers how long. */
    Duration awaitCaughtUp(String processor, long head, Duration timeout) throws InterruptedException {
        StreamingEventProcessor streaming = bean(EventProcessingConfiguration.class)
                .eventProcessor(processor, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No processor " + processor));
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).compareTo(timeout) < 0) {
            boolean caughtUp = !streaming.processingStatus().isEmpty() && streaming.processingStatus().values().stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .allMatch(position -> position.orElse(-1) >= head);
            if (caughtUp) {
                return Duration.between(start, Instant.now());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(processor + " did not catch up with " + head + " within " + timeout
                + ": " + positions(streaming));
    }

    /** Waits until every processor (projections and sagas) has handled the store up to its current head. */
    void awaitAllCaughtUp(Duration timeout) throws InterruptedException {
        long head = head();
        for (String processor : bean(EventProcessingConfiguration.class).eventProcessors().keySet()) {
            if (bean(EventProcessingConfiguration.class).eventProcessor(processor, StreamingEventProcessor.class)
                    .isPresent()) {
                awaitCaughtUp(processor, head, timeout);
            }
        }
    }

    private static String positions(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                .map(OptionalLong::toString).toList().toString();
    }

    @Override
    public void close() {
        context.close();
    }
}
