package com.souq.commerce.platform.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;

/**
 * Loading a saga locks its row until the transaction ends, so that two instances never change one saga at once.
 *
 * <p>Axon's saga store has no version: one instance firing a saga's deadline while the other handles an event of the
 * same saga each saved their own copy, and the later save undid the earlier (a delivered share's return window
 * forgotten, its payable never released; found by {@code bin/reliability two-instances}). Within one process Axon
 * already serializes a saga's handlers; this does it across processes.
 */
final class LockingSagaSqlSchema extends PostgresSagaSqlSchema {

    @Override
    public PreparedStatement sql_loadSaga(Connection connection, String sagaId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT 1 FROM " + sagaSchema().sagaEntryTable()
                + " WHERE " + sagaSchema().sagaIdColumn() + " = ? FOR UPDATE")) {
            lock.setString(1, sagaId);
            lock.executeQuery().close();
        }
        return super.sql_loadSaga(connection, sagaId);
    }
}
