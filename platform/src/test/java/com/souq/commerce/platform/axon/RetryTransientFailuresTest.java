package com.souq.commerce.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class RetryTransientFailuresTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RetryTransientFailures handler = new RetryTransientFailures("CheckoutSagaProcessor", meters);

    @Test
    void rethrowsALockConflictSoTheEventIsHandledAgain() {
        DeadlockException deadlock = new DeadlockException("imminent deadlock");
        assertThatThrownBy(() -> handler.onError(deadlock, GenericEventMessage.asEventMessage("e"),
                mock(EventMessageHandler.class))).isSameAs(deadlock);
    }

    @Test
    void rethrowsATransientFailureFoundAmongTheCauses() {
        RuntimeException wrapped = new RuntimeException(new ConcurrencyException("appended meanwhile"));
        assertThatThrownBy(() -> handler.onError(wrapped, GenericEventMessage.asEventMessage("e"),
                mock(EventMessageHandler.class))).isSameAs(wrapped);
    }

    @Test
    void countsAndSkipsAFailureThatWouldRepeatForever() {
        assertThatCode(() -> handler.onError(new AggregateNotFoundException("x", "no such listing"),
                GenericEventMessage.asEventMessage("e"), mock(EventMessageHandler.class))).doesNotThrowAnyException();
        assertThat(meters.counter("souq_event_handler_failures_total", "processing_group", "CheckoutSagaProcessor")
                .count()).isEqualTo(1.0);
    }
}
