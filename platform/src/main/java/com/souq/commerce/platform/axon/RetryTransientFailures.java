package com.souq.commerce.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLTransientException;
import java.util.function.Predicate;
import org.axonframework.common.AxonTransientException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;

/**
 * How an event handler without a dead-letter queue (a saga) fails. A transient failure (a lock conflict between two
 * processes, a concurrent append to the same aggregate, a dropped connection) is rethrown, so the processor rolls the
 * event back and handles it again: the same event, moments later, usually succeeds. Any other failure would fail the
 * same way forever and stop the processor for every order behind it: it is logged as an error with the event's id and
 * counted in {@code souq_event_handler_failures_total}, and the processor moves on.
 */
public final class RetryTransientFailures implements ListenerInvocationErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(RetryTransientFailures.class);

    private final String processingGroup;
    private final MeterRegistry meters;

    public RetryTransientFailures(String processingGroup, MeterRegistry meters) {
        this.processingGroup = processingGroup;
        this.meters = meters;
    }

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) throws Exception {
        if (isTransient(exception)) {
            throw exception;
        }
        meters.counter("souq_event_handler_failures_total", "processing_group", processingGroup).increment();
        log.error("{} could not handle event {} ({}); moving on", processingGroup, event.getIdentifier(),
                event.getPayloadType().getSimpleName(), exception);
    }

    static boolean isTransient(Throwable failure) {
        return causedBy(failure, cause -> cause instanceof AxonTransientException
                || cause instanceof TransientDataAccessException || cause instanceof SQLTransientException);
    }

    /** Whether the failure or any exception in its cause chain is of the kind. */
    static boolean causedBy(Throwable failure, Predicate<Throwable> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (kind.test(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
