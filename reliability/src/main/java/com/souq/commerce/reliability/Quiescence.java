package com.souq.commerce.reliability;

import com.souq.commerce.infrastructure.postgres.PostgresConnection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits until the engines have finished what the load started: every processor of every running instance has
 * handled the store up to its head ({@code souq_event_processor_lag_events} is 0), no order still waits for stock or
 * payment (the payment deadline cancels what was never paid), and every delivered vendor order's payable was
 * released after its return window (a deadline too).
 */
final class Quiescence {

    private Quiescence() {
    }

    /** Answers what is still unfinished when {@code timeout} passed, or an empty list once everything settled. */
    static List<String> await(PostgresConnection database, List<EngineProcess> engines, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<String> unfinished;
        do {
            unfinished = unfinished(database, engines);
            if (unfinished.isEmpty()) {
                return unfinished;
            }
            Thread.sleep(1_000);
        } while (Instant.now().isBefore(deadline));
        return unfinished;
    }

    private static List<String> unfinished(PostgresConnection database, List<EngineProcess> engines) {
        List<String> unfinished = new ArrayList<>();
        for (EngineProcess engine : engines) {
            Shop.Answer metrics = new Shop(engine.baseUrl()).get("/actuator/prometheus", null);
            if (!metrics.ok()) {
                unfinished.add(engine.name() + " does not answer its metrics: " + metrics.code());
                continue;
            }
            metrics.body().lines().filter(line -> line.startsWith("souq_event_processor_lag_events{"))
                    .filter(line -> {
                        String value = line.substring(line.lastIndexOf(' ') + 1);
                        return !value.equals("NaN") && Double.parseDouble(value) > 0;
                    })
                    .forEach(line -> unfinished.add(engine.name() + ": " + line));
        }
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            count(statement, unfinished, "orders waiting for stock or payment", """
                    SELECT count(*) FROM orders WHERE status IN ('PLACED', 'STOCK_RESERVED', 'PAYMENT_PENDING')""");
            count(statement, unfinished, "delivered vendor orders not released yet", """
                    SELECT count(*) FROM vendor_orders v WHERE status = 'DELIVERED' AND NOT EXISTS (
                      SELECT 1 FROM journal_entries j WHERE j.operation = 'release:' || v.vendor_order_id)""");
        } catch (SQLException e) {
            unfinished.add("database: " + e.getMessage());
        }
        return unfinished;
    }

    private static void count(Statement statement, List<String> unfinished, String what, String sql)
            throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            if (result.getLong(1) > 0) {
                unfinished.add(result.getLong(1) + " " + what);
            }
        }
    }
}
