package com.souq.commerce.platform.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets a projection park an event whose SQL failed, as it parks any other failure. In PostgreSQL a failed statement
 * aborts the whole transaction: the dead-letter queue, which writes in the same transaction, can then store nothing,
 * and the processor would retry the same batch forever. So a projection handler that fails in the database marks its
 * thread <em>careful</em> and lets the batch roll back; the processor retries the batch (after its back-off), and in
 * careful mode every handler runs inside a savepoint, so the failing event alone is rolled back and parked while the
 * rest of the batch commits. Careful mode ends when that batch commits. Batches that do not fail pay nothing: no
 * savepoint per event (each one would be a round trip and a PostgreSQL subtransaction). A caller that retries dead
 * letters by hand runs {@link #carefully(Runnable)}.
 */
public final class SavepointOnRetry implements HandlerEnhancerDefinition {

    private static final ThreadLocal<Boolean> CAREFUL = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> ALWAYS_CAREFUL = new ThreadLocal<>();
    private static final String CAREFUL_BATCH = SavepointOnRetry.class.getName() + ".batch";

    private final DataSource dataSource;

    public SavepointOnRetry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} with a savepoint around every projection handler it calls on this thread. */
    public static void carefully(Runnable work) {
        Boolean before = ALWAYS_CAREFUL.get();
        ALWAYS_CAREFUL.set(Boolean.TRUE);
        try {
            work.run();
        } finally {
            if (before == null) {
                ALWAYS_CAREFUL.remove();
            }
        }
    }

    /**
     * Whether projection handlers on this thread run one by one inside savepoints (a batch retried after a failure in
     * the database, or {@link #carefully(Runnable)}): {@link DeferredWrites} then writes at once, so that a failure
     * belongs to its event.
     */
    static boolean isCareful() {
        return Boolean.TRUE.equals(CAREFUL.get()) || Boolean.TRUE.equals(ALWAYS_CAREFUL.get());
    }

    /** Writes held back to the end of the batch failed in the database: the batch rolls back and is retried carefully. */
    static void retryCarefully() {
        CAREFUL.set(Boolean.TRUE);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)
                || !original.declaringClass().isAnnotationPresent(ProcessingGroup.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                if (Boolean.TRUE.equals(ALWAYS_CAREFUL.get())) {
                    return withSavepoint(() -> super.handle(message, target));
                }
                if (Boolean.TRUE.equals(CAREFUL.get())) {
                    endCarefulModeWithBatch();
                    return withSavepoint(() -> super.handle(message, target));
                }
                try {
                    return super.handle(message, target);
                } catch (DataAccessException e) {
                    CAREFUL.set(Boolean.TRUE);
                    throw e;
                }
            }
        };
    }

    private static void endCarefulModeWithBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(CAREFUL_BATCH, key -> {
            batch.afterCommit(committed -> CAREFUL.remove());
            return Boolean.TRUE;
        });
    }

    private Object withSavepoint(HandlerCall call) throws Exception {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Savepoint savepoint = connection.setSavepoint();
        try {
            Object result = call.handle();
            release(connection, savepoint);
            return result;
        } catch (Exception | Error e) {
            connection.rollback(savepoint);
            throw e;
        }
    }

    private static void release(Connection connection, Savepoint savepoint) {
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release a savepoint", e);
        }
    }

    @FunctionalInterface
    private interface HandlerCall {
        Object handle() throws Exception;
    }
}
