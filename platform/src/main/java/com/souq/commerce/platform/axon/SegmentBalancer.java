package com.souq.commerce.platform.axon;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Splits every event processor's segments evenly between the engine instances sharing the database.
 *
 * <p>A tracking processor claims every segment it has threads for, so the instance that starts first takes them all
 * and a second one idles (found by bin/reliability two-instances: 32 segments against 0). Each instance here says it
 * is alive in {@code engine_instances} every few seconds, and gives up the segments it holds above its fair share
 * (segments / live instances, rounded up) for a while; another instance's processor claims them meanwhile. When an
 * instance stops or dies, its row goes or grows old, the fair share of the others grows, and their processors claim
 * the segments left behind once their claims time out.
 */
@Component
class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final String instance = UUID.randomUUID().toString();
    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final JdbcClient jdbc;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokens, TransactionManager transactions,
                    JdbcClient jdbc, @Value("${souq.event-store.balance-interval:10s}") Duration interval) {
        this.processing = processing;
        this.tokens = tokens;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("segment-balancer").daemon(true).factory());
        scheduler.scheduleWithFixedDelay(this::balanceQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
            try {
                jdbc.sql("DELETE FROM engine_instances WHERE instance_id = :id").param("id", instance).update();
            } catch (RuntimeException e) {
                log.debug("Could not sign this instance off", e);
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        // after the event processors have started, before they stop
        return Integer.MAX_VALUE - 200;
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            log.warn("Could not balance the event processors' segments this time: {}", e.toString());
        }
    }

    /** Says this instance is alive, then gives up what each processor holds above its fair share. */
    void balance() {
        jdbc.sql("""
                INSERT INTO engine_instances (instance_id, seen_at) VALUES (:id, now())
                ON CONFLICT (instance_id) DO UPDATE SET seen_at = now()""").param("id", instance).update();
        long aliveWithin = interval.multipliedBy(2).toMillis();
        jdbc.sql("DELETE FROM engine_instances WHERE seen_at < now() - make_interval(secs => :seconds)")
                .param("seconds", aliveWithin * 10 / 1000.0).update();
        int live = jdbc.sql("SELECT count(*) FROM engine_instances WHERE seen_at > now() - make_interval(secs => :s)")
                .param("s", aliveWithin / 1000.0).query(Integer.class).single();
        processing.eventProcessors().values().forEach(processor -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                giveUpExcess(streaming, Math.max(1, live));
            }
        });
    }

    private void giveUpExcess(StreamingEventProcessor processor, int instances) {
        int segments = transactions.fetchInTransaction(() -> tokens.fetchSegments(processor.getName())).length;
        int fairShare = (segments + instances - 1) / instances;
        List<Integer> held = processor.processingStatus().keySet().stream()
                .sorted(Comparator.reverseOrder()).toList();
        for (int i = 0; i < held.size() - fairShare; i++) {
            log.info("{} gives up segment {} to another instance ({} segments, {} instances)", processor.getName(),
                    held.get(i), segments, instances);
            processor.releaseSegment(held.get(i), interval.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
