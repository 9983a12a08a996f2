package com.souq.commerce.operations.rebuild;

import com.souq.commerce.operations.processor.ProcessorControl;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Blue-green rebuilds of the PostgreSQL read models, one processing group at a time, while every processor (the
 * rebuilt group's too) keeps running.
 * <ol>
 *   <li>Empty copies of the group's tables ({@link ReadModelTables}) are created in a schema of their own,
 *   {@code rebuild_<group>}.</li>
 *   <li>A second processor, {@code <group>@rebuild}, runs the group's own handlers from the first event of the store
 *   in one segment, read ahead on a thread of its own ({@link ReadAhead}), with a dead-letter queue of its own. Each
 *   of its transactions starts with the copy's schema first in the search path, so the handlers' unqualified table
 *   names reach the copy. Queries and the group's live processor go on with the current tables meanwhile.</li>
 *   <li>Once the copy has caught up with the head of the store as it was at the start, both processors stop for a
 *   moment and one transaction switches the tables (views over them follow), hands the rebuild's token to each
 *   segment of the live group, its dead letters too, and drops the old tables. The live processor then goes on from
 *   where the rebuild stopped, into the new tables: no event is lost or missed, and projections are idempotent for
 *   any handled again.</li>
 * </ol>
 * A failed switch leaves the current tables in place. The rebuild state lives in this instance: switching assumes this
 * instance runs the group's live processor (on several instances, pause the group on the others first).
 */
@Component
public class ReadModelRebuilds {

    public static final String REBUILD_SUFFIX = "@rebuild";

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final String SEARCH_PATH_SET = ReadModelRebuilds.class.getName() + ".searchPath";

    private final ApplicationContext context;
    private final EventProcessingConfiguration processing;
    private final ProcessorControl control;
    private final EventStore eventStore;
    private final StreamableMessageSource<TrackedEventMessage<?>> rebuildSource;
    private final TransactionManager axonTransactions;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final TableSet tableSet;
    private final DeadLetterQueues deadLetterQueues;
    private final int batchSize;
    private final ConcurrentMap<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private volatile Map<String, List<String>> tablesByGroup;

    ReadModelRebuilds(ApplicationContext context, EventProcessingConfiguration processing, ProcessorControl control,
                      EventStore eventStore, TransactionManager axonTransactions, TransactionTemplate transaction,
                      JdbcClient jdbc, TableSet tableSet,
                      ConnectionProvider connectionProvider, DeadLetterSchema deadLetterSchema,
                      @Qualifier("eventSerializer") Serializer eventSerializer, Serializer genericSerializer,
                      @Value("${souq.rebuild.batch-size:1000}") int batchSize,
                      ObjectProvider<EventStorageEngine> storageEngine) {
        this.context = context;
        this.processing = processing;
        this.control = control;
        this.eventStore = eventStore;
        EventStorageEngine engine = storageEngine.getIfAvailable();
        // A rebuild reads the store through private streams only: it starts from the first event and has no use for
        // the engine store's shared cache of recent events, which serves the live processors at the head. (Before
        // the cache's fills were bounded, CacheFillLimit, a rebuild drifting into that cache also made its producer
        // hold every event read since: 1,000,000 events ran out of heap.)
        this.rebuildSource = engine == null ? eventStore : EmbeddedEventStore.builder()
                .storageEngine(engine)
                .optimizeEventConsumption(false)
                .build();
        this.axonTransactions = axonTransactions;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.tableSet = tableSet;
        this.batchSize = batchSize;
        this.deadLetterQueues = group -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(connectionProvider)
                .transactionManager(axonTransactions)
                .schema(deadLetterSchema)
                .genericSerializer(genericSerializer)
                .eventSerializer(eventSerializer)
                .build();
    }

    /** Every processing group that can be rebuilt, with its tables. */
    public Map<String, List<String>> rebuildable() {
        Map<String, List<String>> known = tablesByGroup;
        if (known == null) {
            Map<String, List<String>> found = new TreeMap<>();
            context.getBeansWithAnnotation(ReadModelTables.class).values().forEach(bean -> {
                Class<?> type = AopUtils.getTargetClass(bean);
                ProcessingGroup group = type.getAnnotation(ProcessingGroup.class);
                if (group != null) {
                    found.put(group.value(), List.of(type.getAnnotation(ReadModelTables.class).value()));
                }
            });
            tablesByGroup = known = Map.copyOf(found);
        }
        return known;
    }

    public Optional<RebuildProgress> progress(String group) {
        return Optional.ofNullable(rebuilds.get(group)).map(Rebuild::progress);
    }

    /** Starts rebuilding {@code group}; refused while a rebuild of it is under way. */
    public synchronized RebuildProgress start(String group) {
        List<String> tables = rebuildable().get(group);
        if (tables == null) {
            throw new NotRebuildable(group);
        }
        Rebuild running = rebuilds.get(group);
        if (running != null && running.isActive()) {
            throw new RebuildRunning(running.progress());
        }
        TrackingEventProcessor live = processing.eventProcessor(group, TrackingEventProcessor.class)
                .orElseThrow(() -> new NotRebuildable(group));
        Rebuild rebuild = new Rebuild(group, tables, live);
        rebuilds.put(group, rebuild);
        rebuild.begin();
        return rebuild.progress();
    }

    /** Stops a rebuild under way and drops its copy; the current tables stay. */
    public synchronized Optional<RebuildProgress> cancel(String group) {
        Rebuild rebuild = rebuilds.get(group);
        if (rebuild == null || !"BUILDING".equals(rebuild.state)) {
            return Optional.empty();
        }
        rebuild.abandon("CANCELLED", null);
        return Optional.of(rebuild.progress());
    }

    /** Stops the rebuild processors with the engine; their copies stay, a new rebuild starts over. */
    @PreDestroy
    void stopRebuilds() {
        rebuilds.values().stream().filter(Rebuild::isActive).forEach(rebuild -> {
            rebuild.state = "CANCELLED";
            rebuild.stopShadow();
        });
        if (rebuildSource != eventStore && rebuildSource instanceof EmbeddedEventStore own) {
            own.shutDown();
        }
    }

    private long head() {
        return eventStore.createHeadToken() == null ? 0 : eventStore.createHeadToken().position().orElse(0);
    }

    /** One rebuild of one group: its copy, its processor, its progress. */
    private final class Rebuild {

        private final String group;
        private final List<String> tables;
        private final TrackingEventProcessor live;
        private final String copySchema;
        private final String shadowName;
        private volatile StreamingEventProcessor shadow;
        private volatile String state = "BUILDING";
        private volatile long startHead;
        private volatile long lastPosition;
        private volatile long finalHead = -1;
        private volatile Instant startedAt;
        private volatile Instant caughtUpAt;
        private volatile Instant finishedAt;
        private volatile String failure;

        Rebuild(String group, List<String> tables, TrackingEventProcessor live) {
            this.group = group;
            this.tables = tables;
            this.live = live;
            this.copySchema = "rebuild_" + group.replace('-', '_');
            this.shadowName = group + REBUILD_SUFFIX;
        }

        boolean isActive() {
            return "BUILDING".equals(state) || "SWAPPING".equals(state);
        }

        void begin() {
            startedAt = Instant.now();
            forgetRebuildProcessor();
            tableSet.createCopy(copySchema, tables);
            startHead = head();
            shadow = shadowProcessor();
            shadow.start();
            log.info("Rebuilding {} ({}) into schema {} up to event {} at least", group, tables, copySchema,
                    startHead);
            Thread.ofPlatform().daemon().name("rebuild-" + group).start(this::switchWhenCaughtUp);
        }

        /**
         * A tracking processor of one segment, whatever the live group's count, reading through {@link ReadAhead}:
         * one thread fetches and deserializes the events while the processor's thread applies those read before, and
         * PostgreSQL writes on a core of its own. (Axon's pooled streaming processor, tried before, spent a sixth of
         * the rebuild's CPU in its coordinator counting the events queued for each segment, a walk of a linked queue
         * of up to 1,024 events for every event; a tracking processor of several segments reads the whole store once
         * per segment.) The live group's segments all go on from the rebuild's one token when it switches in.
         */
        private StreamingEventProcessor shadowProcessor() {
            List<SimpleEventHandlerInvoker> liveInvokers = simpleInvokers(live.eventHandlerInvoker());
            // The live group's own: it commits without waiting for a disk flush (RelaxedDurability), which a copy
            // re-derived from durable events can afford as much as the live tables.
            TransactionManager transactions = processing.transactionManager(group);
            DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
                    .eventHandlers(liveInvokers.stream().flatMap(each -> each.eventHandlers().stream()).toList())
                    .sequencingPolicy(liveInvokers.getFirst().getSequencingPolicy())
                    .queue(deadLetterQueues.forGroup(shadowName))
                    .transactionManager(transactions)
                    // The rebuild's queue starts empty and only its own processor adds to it: without the cache every
                    // event asked PostgreSQL whether its sequence was parked (a third of the rebuild's waiting).
                    .enableSequenceIdentifierCache()
                    .build();
            TrackingEventProcessor processor = TrackingEventProcessor.builder()
                    .name(shadowName)
                    .eventHandlerInvoker(invoker)
                    .messageSource(new ReadAhead(rebuildSource, invoker::canHandleType, 2 * batchSize,
                            "ReadAhead[" + shadowName + "]"))
                    .tokenStore(processing.tokenStore(group))
                    .transactionManager(transactions)
                    .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                            .forSingleThreadedProcessing()
                            .andInitialSegmentsCount(1)
                            .andBatchSize(batchSize)
                            .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                            .andThreadFactory(name -> Thread.ofPlatform().daemon().name(name + "-", 0).factory()))
                    .build();
            processor.registerHandlerInterceptor(intoCopy());
            return processor;
        }

        /** Points every transaction of the rebuild processor at the copy, once per batch. */
        private MessageHandlerInterceptor<EventMessage<?>> intoCopy() {
            String path = copySchema + ", " + tableSet.searchPath();
            return (unitOfWork, chain) -> {
                UnitOfWork<?> batch = unitOfWork.root();
                batch.getOrComputeResource(SEARCH_PATH_SET, key -> jdbc
                        .sql("SELECT set_config('search_path', :path, true)")
                        .param("path", path).query(String.class).single());
                return chain.proceed();
            };
        }

        private void switchWhenCaughtUp() {
            try {
                while ("BUILDING".equals(state) && !caughtUp()) {
                    Thread.sleep(POLL);
                }
                synchronized (ReadModelRebuilds.this) {
                    if (!"BUILDING".equals(state)) {
                        return;
                    }
                    state = "SWAPPING";
                }
                caughtUpAt = Instant.now();
                switchIn();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandon("FAILED", e.toString());
            } catch (RuntimeException e) {
                log.error("Rebuilding {} failed; its current tables stay", group, e);
                abandon("FAILED", e.getMessage());
            }
        }

        private boolean caughtUp() {
            Map<Integer, EventTrackerStatus> segments = shadow.processingStatus();
            OptionalLong reached = reached(segments);
            reached.ifPresent(position -> lastPosition = position);
            // A tracker that has seen no event yet has no position (an empty store).
            long position = reached.orElse(0);
            if (segments.isEmpty() || position < startHead
                    || segments.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
                return false;
            }
            // Under a steady stream of new events a tracker never reports itself caught up: within a batch of the
            // head is close enough, the live processor takes over from the exact position.
            return segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp)
                    || (reached.isPresent() && position >= head() - batchSize);
        }

        private void switchIn() {
            long reached = lastPosition;
            stopShadow();
            boolean restartLive = !control.isPaused(group);
            live.shutDown();
            try {
                transaction.executeWithoutResult(status -> {
                    tableSet.swapIn(copySchema, "retired_" + group.replace('-', '_'), tables);
                    handOverToken();
                    jdbc.sql("DELETE FROM deadletterentry WHERE processinggroup = :live").param("live", group)
                            .update();
                    jdbc.sql("UPDATE deadletterentry SET processinggroup = :live WHERE processinggroup = :copy")
                            .param("live", group).param("copy", shadowName).update();
                });
            } catch (RuntimeException e) {
                if (restartLive) {
                    live.start();
                }
                throw e;
            }
            finalHead = head();
            if (restartLive) {
                live.start();
            }
            tableSet.analyze(tables);
            finishedAt = Instant.now();
            state = "COMPLETED";
            log.info("Rebuilt {}: switched in at event {} after {}", group, reached,
                    Duration.between(startedAt, finishedAt));
        }

        /** Each segment of the live group goes on from where the rebuild's one segment stopped. */
        private void handOverToken() {
            int segments = jdbc.sql("""
                            UPDATE tokenentry live SET token = copy.token, tokentype = copy.tokentype,
                                   timestamp = copy.timestamp, owner = NULL
                              FROM tokenentry copy
                             WHERE live.processorname = :live AND copy.processorname = :copy AND copy.segment = 0""")
                    .param("live", group).param("copy", shadowName).update();
            if (segments == 0) {
                jdbc.sql("UPDATE tokenentry SET processorname = :live, owner = NULL WHERE processorname = :copy")
                        .param("live", group).param("copy", shadowName).update();
            } else {
                jdbc.sql("DELETE FROM tokenentry WHERE processorname = :copy").param("copy", shadowName).update();
            }
        }

        void abandon(String endState, String why) {
            position();
            state = endState;
            failure = why;
            finishedAt = Instant.now();
            stopShadow();
            try {
                tableSet.dropCopy(copySchema);
                forgetRebuildProcessor();
            } catch (RuntimeException e) {
                log.warn("Could not clean up the rebuild of {}", group, e);
            }
        }

        void stopShadow() {
            StreamingEventProcessor processor = shadow;
            if (processor != null) {
                processor.shutDown();
            }
        }

        private void forgetRebuildProcessor() {
            transaction.executeWithoutResult(status -> {
                jdbc.sql("DELETE FROM tokenentry WHERE processorname = :copy").param("copy", shadowName).update();
                jdbc.sql("DELETE FROM deadletterentry WHERE processinggroup = :copy").param("copy", shadowName)
                        .update();
            });
        }

        /** The lowest position of the rebuild's segments, or the last one seen once it stopped. */
        private long position() {
            StreamingEventProcessor processor = shadow;
            if ("BUILDING".equals(state) && processor != null) {
                reached(processor.processingStatus()).ifPresent(position -> lastPosition = position);
            }
            return lastPosition;
        }

        RebuildProgress progress() {
            StreamingEventProcessor processor = shadow;
            // read once: the state may turn COMPLETED while this snapshot is taken (a 99.9 % "COMPLETED" was seen)
            String current = state;
            Instant finished = finishedAt;
            boolean done = "COMPLETED".equals(current);
            long head = done ? finalHead : head();
            long position = position();
            long total = Math.max(head, 0);
            long eventsDone = Math.min(Math.max(position, 0), total);
            Instant end = finished != null ? (caughtUpAt != null ? caughtUpAt : finished) : Instant.now();
            double seconds = Math.max(Duration.between(startedAt, end).toMillis(), 1) / 1000.0;
            double rate = eventsDone / seconds;
            // 100 % is the moment queries read the rebuilt tables, never before.
            double percent = done ? 100.0
                    : total == 0 ? 0.0 : Math.min(99.9, Math.floor(1000.0 * eventsDone / total) / 10.0);
            long eta = done || rate <= 0 ? 0 : (long) Math.ceil((total - eventsDone) / rate);
            String error = failure;
            if (error == null && processor != null && isActive()) {
                error = processor.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState)
                        .map(segment -> String.valueOf(segment.getError())).findFirst().orElse(null);
            }
            return new RebuildProgress(group, current, copySchema, tables, position, head, eventsDone, total,
                    percent, Math.round(rate * 10) / 10.0, eta, parkedLetters(), startedAt, caughtUpAt, finished,
                    error);
        }

        private long parkedLetters() {
            return jdbc.sql("SELECT count(*) FROM deadletterentry WHERE processinggroup = :group")
                    .param("group", isActive() ? shadowName : group).query(Long.class).single();
        }
    }

    /** The invokers holding the group's handlers: Axon wraps them in a multi-invoker. */
    private static List<SimpleEventHandlerInvoker> simpleInvokers(EventHandlerInvoker invoker) {
        if (invoker instanceof SimpleEventHandlerInvoker simple) {
            return List.of(simple);
        }
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(delegate -> simpleInvokers(delegate).stream()).toList();
        }
        throw new IllegalStateException("Cannot rebuild with handlers invoked by " + invoker.getClass().getName());
    }

    private static OptionalLong reached(Map<Integer, EventTrackerStatus> segments) {
        return segments.values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
    }

    @FunctionalInterface
    private interface DeadLetterQueues {
        JdbcSequencedDeadLetterQueue<EventMessage<?>> forGroup(String group);
    }

    /** The group is no PostgreSQL projection naming its tables (a saga, the search index, an unknown name). */
    public static final class NotRebuildable extends RuntimeException {
        NotRebuildable(String group) {
            super("Processor " + group + " is not a PostgreSQL read model that can be rebuilt here");
        }
    }

    /** A rebuild of the group is under way. */
    public static final class RebuildRunning extends RuntimeException {
        private final transient RebuildProgress progress;

        RebuildRunning(RebuildProgress progress) {
            super("A rebuild of " + progress.processor() + " is under way");
            this.progress = progress;
        }

        public RebuildProgress progress() {
            return progress;
        }
    }
}
