package com.souq.commerce.platform.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Deadlines that survive a restart: a db-scheduler {@link Scheduler} on the engine's PostgreSQL, which makes Axon's
 * own auto-configuration install its {@code DbSchedulerDeadlineManager} instead of the in-memory
 * {@code SimpleDeadlineManager} that forgets every deadline when the process stops.
 *
 * <p>db-scheduler's Spring Boot starter targets Boot 3, so the scheduler is built here. Its data source is
 * transaction-aware: a saga that schedules or cancels a deadline does so in the same transaction that stores the
 * saga and advances its processor's token, so a rolled-back event leaves no stray deadline behind. The scheduler
 * starts after the event processors (it may fire deadlines into them) and stops before them.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        beforeName = "org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration")
@EnableConfigurationProperties(PersistentDeadlines.DeadlineProperties.class)
public class PersistentDeadlines {

    @ConfigurationProperties("souq.deadlines")
    public record DeadlineProperties(Duration pollingInterval, Integer threads, Duration heartbeat,
                                     Duration firstRetry, Duration longestRetry) {

        public DeadlineProperties {
            pollingInterval = pollingInterval == null ? Duration.ofSeconds(1) : pollingInterval;
            threads = threads == null ? 4 : threads;
            heartbeat = heartbeat == null ? Duration.ofSeconds(10) : heartbeat;
            firstRetry = firstRetry == null ? Duration.ofSeconds(1) : firstRetry;
            longestRetry = longestRetry == null ? Duration.ofMinutes(1) : longestRetry;
        }
    }

    @Bean
    @ConditionalOnMissingBean
    Scheduler deadlineScheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks, DeadlineProperties properties) {
        List<Task<?>> known = tasks.orderedStream()
                .<Task<?>>map(task -> promptly(task, properties)).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), known)
                .pollingInterval(properties.pollingInterval())
                .threads(properties.threads())
                // A deadline picked by a process that was killed stays "executing" until its heartbeats are missed
                // (db-scheduler's default: 6 × 5 min); meanwhile a saga cancelling it is refused and its processor
                // segment retries (found by bin/reliability crash). Here it is revived a minute after the crash.
                .heartbeatInterval(properties.heartbeat())
                .commitWhenAutocommitDisabled(false)
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    private static <T> Task<T> promptly(Task<T> task, DeadlineProperties properties) {
        return new PromptRetries<>(task, properties.firstRetry(), properties.longestRetry());
    }

    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                // Axon's event processors start in a lower phase: deadlines fire into running processors
                return Integer.MAX_VALUE - 100;
            }
        };
    }
}
