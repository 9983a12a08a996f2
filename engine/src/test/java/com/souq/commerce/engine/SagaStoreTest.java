package com.souq.commerce.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.EngineIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the engine handle one saga at the same moment: one an event on its processor's segment, the other
 * a deadline of the same saga, which db-scheduler runs on whichever instance picks it. Axon's lock on a saga holds
 * within one process only, so the saga store itself must make the second wait for the first's transaction. Played here
 * by two transactions on the engine's own saga store, as the two instances would run them.
 */
@EngineIntegrationTest
class SagaStoreTest {

    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    @Autowired
    JdbcSagaStore sagas;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSagaChangedOnTwoInstancesAtOnceKeepsBothChanges() throws Exception {
        String sagaId = UUID.randomUUID().toString();
        transactions.executeInTransaction(() -> sagas.insertSaga(Shares.class, sagaId, new Shares(),
                Set.of(new AssociationValue("orderId", sagaId))));
        CountDownLatch firstLoaded = new CountDownLatch(1);
        CountDownLatch secondLoaded = new CountDownLatch(1);

        try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
            // instance A: the return window of one share passed; its deadline sends its commands, then stores the saga
            Future<?> deadline = instances.submit(() -> transactions.executeInTransaction(() -> {
                Shares shares = load(sagaId);
                int backend = jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single();
                firstLoaded.countDown();
                awaitLoadOrWaitOn(backend, secondLoaded);
                shares.notes.add("first share released");
                store(sagaId, shares);
            }));
            // instance B: meanwhile its processor sees the second share delivered
            Future<?> delivery = instances.submit(() -> {
                await(firstLoaded);
                transactions.executeInTransaction(() -> {
                    Shares shares = load(sagaId);
                    secondLoaded.countDown();
                    shares.notes.add("second share delivered");
                    store(sagaId, shares);
                });
            });
            deadline.get(30, TimeUnit.SECONDS);
            delivery.get(30, TimeUnit.SECONDS);
        }

        Shares stored = transactions.fetchInTransaction(() -> load(sagaId));
        assertThat(stored.notes).as("neither instance overwrote the other's change")
                .containsExactlyInAnyOrder("first share released", "second share delivered");
    }

    private Shares load(String sagaId) {
        return sagas.loadSaga(Shares.class, sagaId).saga();
    }

    private void store(String sagaId, Shares shares) {
        sagas.updateSaga(Shares.class, sagaId, shares,
                new AssociationValuesImpl(Set.of(new AssociationValue("orderId", sagaId))));
    }

    /** Until the other instance has loaded the saga too, or is seen waiting for a lock this transaction holds. */
    private void awaitLoadOrWaitOn(int backend, CountDownLatch otherLoaded) {
        long until = System.nanoTime() + LONGEST_WAIT.toNanos();
        while (System.nanoTime() < until) {
            if (otherLoaded.getCount() == 0 || jdbc.sql("""
                            SELECT count(*) FROM pg_stat_activity WHERE :backend = ANY (pg_blocking_pids(pid))""")
                    .param("backend", backend).query(Integer.class).single() > 0) {
                return;
            }
            sleep();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(LONGEST_WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A saga's state as the store keeps it: what happened to its shares. */
    public static class Shares {
        public List<String> notes = new ArrayList<>();
    }
}
