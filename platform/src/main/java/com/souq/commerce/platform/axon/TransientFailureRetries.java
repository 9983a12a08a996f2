package com.souq.commerce.platform.axon;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a command again, a few times and a moment later, when it failed for a reason that passes: a concurrent append
 * to the same aggregate (by another instance, or on a stale cached copy), a lock conflict, a dropped connection
 * ({@link RetryTransientFailures#isTransient}), or a lost race to create the same aggregate. A command refused by a business rule is never sent again.
 *
 * <p>Not Axon's interval scheduler: it asks of every exception in the failure's cause chain whether it is
 * "non-transient", so the driver's exception under a concurrency conflict stops the retry it should allow.
 */
public final class TransientFailureRetries implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(TransientFailureRetries.class);

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final long intervalMillis;

    public TransientFailureRetries(ScheduledExecutorService executor, int maxRetries, long intervalMillis) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (failures.size() > maxRetries
                || !(RetryTransientFailures.isTransient(lastFailure) || lostCreationRace(lastFailure))) {
            return false;
        }
        log.debug("{} failed transiently ({}); sending it again, attempt {} of {}",
                commandMessage.getCommandName(), lastFailure.toString(), failures.size() + 1, maxRetries + 1);
        executor.schedule(commandDispatch, intervalMillis * failures.size(), TimeUnit.MILLISECONDS);
        return true;
    }

    /**
     * Two instances created the same aggregate at once (the first add to a new cart, sent to both): the loser's
     * command, sent again, finds the aggregate the winner created and applies to it. A command that only creates
     * fails the same way again and is answered 409 {@code ALREADY_EXISTS}.
     */
    private static boolean lostCreationRace(Throwable failure) {
        return RetryTransientFailures.causedBy(failure, AggregateStreamCreationException.class::isInstance);
    }
}
