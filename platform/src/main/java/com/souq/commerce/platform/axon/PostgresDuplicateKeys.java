package com.souq.commerce.platform.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that an append failed on the event table's unique key, so that it answers a concurrency conflict (retried,
 * then 409) instead of an event store failure (500).
 *
 * <p>Axon's {@code JdbcSQLErrorCodesResolver} only recognises {@code SQLIntegrityConstraintViolationException}, which
 * the PostgreSQL driver never throws: it reports a unique violation as SQL state {@code 23505}, wrapped in a
 * {@code BatchUpdateException} when the events were appended in a batch. Found by a command on a stale cached
 * aggregate (another instance had appended meanwhile), which failed with a 500.
 */
public final class PostgresDuplicateKeys implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        for (SQLException next = exception; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
