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
import org.springframework.jdbc.core.JdbcOperations;
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
 * <p>A row a batch inserts can be held back as a row rather than a statement ({@link #insert}): until another write of
 * its key follows it, later events of the key change the row itself ({@link #pendingRow}) instead of adding an UPDATE,
 * and when the batch commits the rows of a kind go to PostgreSQL in one statement ({@link Rows}). A listing created and
 * published in one batch is one row inserted, not an INSERT and an UPDATE.
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

    /**
     * Inserts {@code row} (of {@code key} only) after the earlier writes of the same key; held back, the row stays open
     * to changes through {@link #pendingRow} until another write of the key follows it or the batch commits.
     */
    public <R> void insert(Object key, Rows<R> rows, R row) {
        Pending pending = pending();
        if (pending == null) {
            rows.insert(jdbc.getJdbcOperations(), List.of(row));
        } else {
            pending.add(key, new RowWrite<>(rows, row));
        }
    }

    /**
     * The row of {@code key} held back by {@link #insert} and still open (nothing written or queued after it for the
     * key), to be changed in place; null when there is none, and the change is to be written as a statement.
     */
    public <R> R pendingRow(Object key, Rows<R> rows) {
        Pending pending = pending();
        return pending == null ? null : pending.openRow(key, rows);
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

    /**
     * Inserts rows of one kind: {@link #insert} writes held back in one batch, at most one per key, go to PostgreSQL
     * together (one statement for many rows, as PostgreSQL's {@code unnest} over arrays does).
     */
    @FunctionalInterface
    public interface Rows<R> {
        void insert(JdbcOperations jdbc, List<R> rows);
    }

    private sealed interface Held permits Write, RowWrite {
        /** What writes of the same kind share: they run together in one round. */
        Object kind();
    }

    private record Write(String sql, SqlParameterSource parameters) implements Held {
        @Override
        public Object kind() {
            return sql;
        }
    }

    private record RowWrite<R>(Rows<R> rows, R row) implements Held {
        @Override
        public Object kind() {
            return rows;
        }
    }

    /** The writes held back in one batch, queued per key. */
    private final class Pending {

        private final Map<Object, ArrayDeque<Held>> byKey = new LinkedHashMap<>();

        void add(Object key, String sql, SqlParameterSource parameters) {
            add(key, new Write(sql, parameters));
        }

        void add(Object key, Held write) {
            byKey.computeIfAbsent(key, any -> new ArrayDeque<>(2)).add(write);
        }

        @SuppressWarnings("unchecked")
        <R> R openRow(Object key, Rows<R> rows) {
            ArrayDeque<Held> queue = byKey.get(key);
            return queue != null && queue.peekLast() instanceof RowWrite<?> last && last.rows() == rows
                    ? (R) last.row() : null;
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
                Map<Object, List<Held>> round = new LinkedHashMap<>();
                Iterator<ArrayDeque<Held>> queues = byKey.values().iterator();
                while (queues.hasNext()) {
                    ArrayDeque<Held> queue = queues.next();
                    Held next = queue.poll();
                    round.computeIfAbsent(next.kind(), kind -> new ArrayList<>()).add(next);
                    if (queue.isEmpty()) {
                        queues.remove();
                    }
                }
                round.values().forEach(this::run);
            }
        }

        /** Runs writes of one kind: one statement, one JDBC batch, or one insert of many rows. */
        @SuppressWarnings("unchecked")
        private void run(List<Held> writes) {
            if (writes.getFirst() instanceof RowWrite<?> first) {
                Rows<Object> rows = (Rows<Object>) first.rows();
                rows.insert(jdbc.getJdbcOperations(), writes.stream().map(write -> ((RowWrite<?>) write).row())
                        .map(Object.class::cast).toList());
            } else if (writes.size() == 1) {
                Write write = (Write) writes.getFirst();
                jdbc.update(write.sql(), write.parameters());
            } else {
                jdbc.batchUpdate(((Write) writes.getFirst()).sql(), writes.stream()
                        .map(write -> ((Write) write).parameters()).toArray(SqlParameterSource[]::new));
            }
        }
    }
}
