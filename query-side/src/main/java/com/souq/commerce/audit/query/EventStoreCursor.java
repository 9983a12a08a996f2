package com.souq.commerce.audit.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads large results row by row with a server-side cursor: PostgreSQL's driver fetches {@value #FETCH_SIZE} rows at a
 * time only inside a transaction, so each read runs in a read-only one. Memory stays constant however many rows the
 * query yields (an event store of millions of events, a statement of a busy account).
 */
@Component
public class EventStoreCursor {

    static final int FETCH_SIZE = 2_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    EventStoreCursor(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Calls {@code each} for every row of the query, in the query's order, fetching rows in batches. */
    public void stream(String sql, Map<String, ?> parameters, Row each) {
        readOnly.executeWithoutResult(status -> jdbc.query(sql, parameters, (RowCallbackHandler) row -> {
            try {
                each.accept(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** What is done with one row; may write to a response, hence the {@code IOException}. */
    @FunctionalInterface
    public interface Row {
        void accept(ResultSet row) throws SQLException, IOException;
    }
}
