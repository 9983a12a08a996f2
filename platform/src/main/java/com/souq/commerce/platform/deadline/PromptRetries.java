package com.souq.commerce.platform.deadline;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deadline task whose failed executions are retried within seconds rather than db-scheduler's default five
 * minutes: first after {@code first}, then twice as long each time, never longer than {@code longest}.
 *
 * <p>Axon's deadline tasks keep db-scheduler's default. A deadline handler that fails on a passing conflict (a
 * vendor's wallet deposited into by two return windows at once, on two instances) would then leave a vendor's money
 * waiting five minutes for nothing (found by {@code bin/reliability two-instances}). Everything but the failure
 * handler is the wrapped task's.
 */
final class PromptRetries<T> implements Task<T> {

    private static final Logger log = LoggerFactory.getLogger(PromptRetries.class);

    private final Task<T> task;
    private final FailureHandler<T> retries;

    PromptRetries(Task<T> task, Duration first, Duration longest) {
        this.task = task;
        this.retries = (complete, operations) -> retryLater(complete, operations, first, longest);
    }

    static Duration delayAfter(int earlierFailures, Duration first, Duration longest) {
        long millis = first.toMillis() << Math.min(earlierFailures, 30);
        return millis <= 0 || millis > longest.toMillis() ? longest : Duration.ofMillis(millis);
    }

    private void retryLater(ExecutionComplete complete, ExecutionOperations<T> operations, Duration first,
                            Duration longest) {
        int earlier = complete.getExecution().consecutiveFailures;
        Duration delay = delayAfter(earlier, first, longest);
        log.warn("Deadline {} failed ({} time(s) in a row), retried in {} ms: {}",
                complete.getExecution().taskInstance, earlier + 1, delay.toMillis(),
                complete.getCause().map(Throwable::toString).orElse("no cause"));
        operations.reschedule(complete, complete.getTimeDone().plus(delay));
    }

    @Override
    public FailureHandler<T> getFailureHandler() {
        return retries;
    }

    @Override
    public CompletionHandler<T> execute(TaskInstance<T> instance, ExecutionContext context) {
        return task.execute(instance, context);
    }

    @Override
    public String getName() {
        return task.getName();
    }

    @Override
    public Class<T> getDataClass() {
        return task.getDataClass();
    }

    @Override
    public TaskInstance<T> instance(String id) {
        return task.instance(id);
    }

    @Override
    public TaskInstance<T> instance(String id, T data) {
        return task.instance(id, data);
    }

    @Override
    public TaskInstance.Builder<T> instanceBuilder(String id) {
        return task.instanceBuilder(id);
    }

    @Override
    public SchedulableInstance<T> schedulableInstance(String id) {
        return task.schedulableInstance(id);
    }

    @Override
    public SchedulableInstance<T> schedulableInstance(String id, T data) {
        return task.schedulableInstance(id, data);
    }

    @Override
    public DeadExecutionHandler<T> getDeadExecutionHandler() {
        return task.getDeadExecutionHandler();
    }

    @Override
    public int getDefaultPriority() {
        return task.getDefaultPriority();
    }

    @Override
    public String toString() {
        return task + " (prompt retries)";
    }
}
