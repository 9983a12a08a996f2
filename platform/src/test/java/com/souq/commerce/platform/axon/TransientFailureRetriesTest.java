package com.souq.commerce.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransientFailureRetriesTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final TransientFailureRetries retries = new TransientFailureRetries(executor, 3, 1);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void sendsAgainACommandThatLostARaceEvenWhenTheDriverExplainsWhy() throws InterruptedException {
        assertSentAgain(new ConcurrencyException("appended meanwhile",
                new BatchUpdateException("duplicate key", "23505", 0, new int[0])));
    }

    @Test
    void sendsAgainACommandThatLostTheRaceToCreateItsAggregate() throws InterruptedException {
        assertSentAgain(new AggregateStreamCreationException("cart created meanwhile",
                new BatchUpdateException("duplicate key", "23505", 0, new int[0])));
    }

    @Test
    void givesUpAfterItsRetries() {
        boolean scheduled = retries.scheduleRetry(GenericCommandMessage.asCommandMessage("add to cart"),
                new ConcurrencyException("appended meanwhile"), failures(4), () -> { });

        assertThat(scheduled).isFalse();
    }

    @Test
    void neverSendsAgainACommandABusinessRuleRefused() {
        boolean scheduled = retries.scheduleRetry(GenericCommandMessage.asCommandMessage("reserve stock"),
                new AggregateNotFoundException("listing-1", "no such listing"), failures(1), () -> { });

        assertThat(scheduled).isFalse();
    }

    private void assertSentAgain(RuntimeException failure) throws InterruptedException {
        CountDownLatch sentAgain = new CountDownLatch(1);

        boolean scheduled = retries.scheduleRetry(GenericCommandMessage.asCommandMessage("add to cart"), failure,
                failures(1), sentAgain::countDown);

        assertThat(scheduled).isTrue();
        assertThat(sentAgain.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[] {ConcurrencyException.class});
        }
        return failures;
    }
}
