package com.souq.commerce.platform.axon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The SQL writes of a projection, held back until its processor's batch (one unit of work, one transaction) is about
 * to commit and then sent to PostgreSQL as JDBC batches: one round trip for many rows instead of one per event, the
 * difference between a few thousand and tens of thousands of events per second in a rebuild.
 *
 * <p>Each write names the key whose rows it changes ({@link #write}: a listing), or none when it may change rows of
 * any key ({@link #writeAcross}: a vendor's status copied onto all its listings). When the batch commits, the writes
 * of each key run in the order they were made; writes of different keys touch different rows, so they may run in any
 * order among themselves: the first write of every key runs first (grouped into one JDBC batch per statement), then
 * the second of every key, and so on. A write across keys runs after everything held back before it. The outcome is
 * the one the writes would have had one after the other.
 *
 * <p>Outside a processor's transaction, and while {@link SavepointOnRetry} retries a failed batch carefully, writes run
 * at once: a failing event is then parked alone. A held-back write that fails at commit fails the batch and marks the
 * retry careful.
 */
public final class DeferredWrites {

    private final NamedParameterJdbcOperations jdbc;
    private final String resource;

    /** Writes through {@code jdbc}; {@code name} tells apart the writes of different projections in one batch. */
    public DeferredWrites(NamedParameterJdbcOperations jdbc, String name) {
        this.jdbc = jdbc;
        this.resource = DeferredWrites.class.getName() + "." + name;
    }

    /** Runs {@code sql}, which changes rows of {@code key} only, after the earlier writes of the same key. */
    public void write(Object key, String sql, SqlParameterSource parameters) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(sql, parameters);
        } else {
            pending.add(key, sql, parameters);
        }
    }

    /** Runs {@code sql}, which may change rows of any key, after every write held back so far. */
    public void writeAcross(String sql, SqlParameterSource parameters) {
        Pending pending = pending();
        if (pending != null) {
            pending.flush();
        }
        jdbc.update(sql, parameters);
    }

    private Pending pending() {
        if (!CurrentUnitOfWork.isStarted() || !TransactionSynchronizationManager.isActualTransactionActive()
                || SavepointOnRetry.isCareful()) {
            return null;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(resource, key -> {
            Pending pending = new Pending();
            batch.onPrepareCommit(committing -> pending.flushOrRetryCarefully());
            return pending;
        });
    }

    private record Write(String sql, SqlParameterSource parameters) {
    }

    /** The writes held back in one batch, queued per key. */
    private final class Pending {

        private final Map<Object, ArrayDeque<Write>> byKey = new LinkedHashMap<>();

        void add(Object key, String sql, SqlParameterSource parameters) {
            byKey.computeIfAbsent(key, any -> new ArrayDeque<>(2)).add(new Write(sql, parameters));
        }

        void flushOrRetryCarefully() {
            try {
                flush();
            } catch (DataAccessException e) {
                SavepointOnRetry.retryCarefully();
                throw e;
            }
        }

        void flush() {
            while (!byKey.isEmpty()) {
                Map<String, List<SqlParameterSource>> round = new LinkedHashMap<>();
                Iterator<ArrayDeque<Write>> queues = byKey.values().iterator();
                while (queues.hasNext()) {
                    ArrayDeque<Write> queue = queues.next();
                    Write next = queue.poll();
                    round.computeIfAbsent(next.sql(), sql -> new ArrayList<>()).add(next.parameters());
                    if (queue.isEmpty()) {
                        queues.remove();
                    }
                }
                round.forEach((sql, rows) -> {
                    if (rows.size() == 1) {
                        jdbc.update(sql, rows.getFirst());
                    } else {
                        jdbc.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
                    }
                });
            }
        }
    }
}
