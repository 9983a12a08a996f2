package com.souq.commerce.platform.axon;

import com.souq.commerce.vendor.api.upcasting.VendorAppliedEventRevision1Upcaster;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.sql.DataSource;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.stereotype.Saga;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * How the engine uses Axon: a JDBC event store in PostgreSQL (unless Axon Server is enabled), JSON through Jackson 3
 * everywhere, tracking processors with real batch sizes, correlation metadata on every message, and the
 * upcasters that read older event revisions. Every table these use is created by Flyway, never by Axon.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStoreProperties.class)
public class AxonInfrastructureConfiguration {

    /** Metadata keys every command and event carries: who sent it, with which roles, and which flow it belongs to. */
    public static final String SUBJECT = "subject";
    public static final String ROLES = "roles";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    /** Events the embedded event store keeps for processors at the head (Axon's default), and reads at most at once. */
    static final int CACHED_EVENTS = 10_000;

    /**
     * Axon's Jackson 3 serializer cannot read back polymorphic tracking tokens (a {@code ReplayToken} after a reset)
     * because Jackson 3 denies every subtype of {@code Object} by default. Allow Axon's own types and ours only.
     */
    @Bean
    Jackson3SerializerCustomizer polymorphicAxonTypes() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubTypeIsArray()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("com.souq.commerce.")
                .allowIfSubType("java.util.")
                .allowIfSubType("java.lang.")
                .build());
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventStoreProperties properties) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(new PostgresDuplicateKeys())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .batchSize(properties.batchSize())
                .gapTimeout((int) properties.gapTimeout().toMillis())
                .gapCleaningThreshold(properties.gapCleaningThreshold())
                .build();
    }

    /**
     * Axon's embedded event store over the engine's storage engine, as Axon's auto-configuration builds it, with its
     * shared cache of recent events (processors at the head see a committed event within milliseconds) but fills of
     * that cache bounded by {@link CacheFillLimit}: a processor coming back to the head after a replay of a large store
     * made the cache's producer hold every event appended while it was behind.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(new CacheFillLimit(storageEngine, CACHED_EVENTS))
                .cachedEvents(CACHED_EVENTS)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }

    /**
     * Sagas are loaded {@code FOR UPDATE}, so a saga is handled by one transaction at a time across all instances.
     * Axon's lock on a saga holds within one process only, and a deadline runs on whichever instance db-scheduler
     * picks it on, beside the saga's processor on the other: both loaded the same state and the later save overwrote
     * the earlier. A commission saga whose return window closed for one share while another share was delivered on
     * the other instance forgot that delivery, and that vendor's payable was never released (found by
     * {@code bin/reliability two-instances}, about one run in seven). Axon's Postgres schema has this as an option,
     * off by default.
     */
    @Bean
    SagaSqlSchema sagaSqlSchema() {
        PostgresSagaSqlSchema schema = new PostgresSagaSqlSchema();
        schema.setExclusiveLoad(true);
        return schema;
    }

    /** {@code correlationId} stays the same through a whole flow; {@code causationId} names the direct cause. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(CAUSATION_ID, CORRELATION_ID);
    }

    /** Commands take their connections from a pool of their own: {@link CommandConnections}. */
    @Bean
    static BeanPostProcessor commandConnections(Environment environment) {
        return CommandConnections.installer(environment);
    }

    /**
     * Commands run each in its own unit of work and transaction, on a thread of their own, also when a saga sends them.
     * With Axon's default bus a saga's commands join the transaction of the saga's whole batch of events, and the lock
     * of every aggregate they touch is held until that batch commits: two sagas (or two segments of one) holding
     * payments and listings of different orders then deadlock (measured under concurrent checkouts). Here a command
     * holds one aggregate's lock for as long as it runs. The saga still waits for the result; every command a saga
     * sends is idempotent, so a saga batch rolled back after its commands committed sends them again harmlessly.
     * Their connections come from the command pool ({@link CommandConnections}).
     *
     * <p>Platform threads, not virtual ones: a virtual thread blocked in class loading keeps its carrier, and on two
     * cores two commands loading classes while a third, unmounted, held the jar file's lock stopped every carrier for
     * good (a deadlocked engine in the two-instance run, seen in a thread dump).
     */
    @Bean
    @Qualifier("localSegment")
    AsynchronousCommandBus commandBus(TransactionManager transactionManager,
                                      org.axonframework.config.Configuration axon,
                                      DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        ExecutorService commandThreads = Executors.newCachedThreadPool(Thread.ofPlatform().name("command-", 1)
                .daemon(true).factory());
        AsynchronousCommandBus bus = AsynchronousCommandBus.builder()
                .executor(task -> commandThreads.execute(CommandConnections.forCommands(task)))
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }

    @Bean
    CorrelationDataProvider actorCorrelationProvider() {
        return new SimpleCorrelationDataProvider(SUBJECT, ROLES);
    }

    /**
     * Every processor is a tracking processor reading in batches, split into segments that instances share.
     * Not Axon's pooled streaming processor: the embedded event store's streams offer no availability callback, so an
     * idle pooled processor polls every 500 ms, while a tracking processor is woken by the store as soon as an event
     * is committed in this process (measured: a read model visible 150-500 ms after the command, against a few ms).
     *
     * <p>Their transactions commit without waiting for a disk flush ({@link RelaxedDurability}).
     *
     * <p>A failing event handler never lets a projection skip the event (Axon's default logs and moves on): it is
     * parked in the projection's dead-letter queue (below). Sagas retry transient failures
     * ({@link RetryTransientFailures}).
     */
    @Bean
    @Order(0)
    ConfigurerModule trackingProcessors(EventStoreProperties properties, ListableBeanFactory beans,
                                        MeterRegistry meters, TransactionManager transactionManager,
                                        DataSource dataSource) {
        return configurer -> configurer.eventProcessing(processing -> {
            if (!properties.processorDurableCommits()) {
                processing.registerDefaultTransactionManager(
                        config -> new RelaxedDurability(transactionManager, dataSource));
            }
            processing.usingTrackingEventProcessors()
                    .registerTrackingEventProcessorConfiguration(config -> TrackingEventProcessorConfiguration
                            .forParallelProcessing(properties.processorSegments())
                            .andInitialSegmentsCount(properties.processorSegments())
                            .andBatchSize(properties.processorBatchSize()))
                    .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
            for (String sagaBean : beans.getBeanNamesForAnnotation(Saga.class)) {
                Class<?> sagaType = beans.getType(sagaBean);
                if (sagaType != null) {
                    String processor = sagaType.getSimpleName() + "Processor";
                    processing.registerListenerInvocationErrorHandler(processor,
                            config -> new RetryTransientFailures(processor, meters));
                }
            }
        });
    }

    /**
     * Every projection parks the events it fails on in the dead-letter queue in PostgreSQL (and queues the later events
     * of the same aggregate behind them) instead of stopping, or, as Axon does by default, logging and skipping them.
     * Replaces Axon's property-driven module, which would need every processing group listed in configuration. Sagas
     * keep Axon's own error handling.
     */
    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueueForEveryProjection(
            EventProcessorProperties processorProperties, ConnectionProvider connectionProvider,
            TransactionManager transactionManager, DeadLetterSchema schema,
            @Qualifier("eventSerializer") Serializer eventSerializer, Serializer genericSerializer) {
        Function<String, Function<org.axonframework.config.Configuration, SequencedDeadLetterQueue<EventMessage<?>>>>
                provider = group -> group.endsWith("SagaProcessor") ? null : config -> JdbcSequencedDeadLetterQueue
                .builder()
                .processingGroup(group)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(schema)
                .genericSerializer(genericSerializer)
                .eventSerializer(eventSerializer)
                .build();
        return new DeadLetterQueueProviderConfigurerModule(processorProperties, provider) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing().registerDeadLetterQueueProvider(provider);
            }
        };
    }

    /** A projection's SQL failure parks the event instead of aborting the batch for good: {@link SavepointOnRetry}. */
    @Bean
    SavepointOnRetry savepointOnRetry(DataSource dataSource) {
        return new SavepointOnRetry(dataSource);
    }

    @Bean
    VendorAppliedEventRevision1Upcaster vendorAppliedEventRevision1Upcaster() {
        return new VendorAppliedEventRevision1Upcaster();
    }
}
