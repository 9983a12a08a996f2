package com.souq.commerce.platform.axon;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * Commands take their connections from a pool of their own; everything else (event processors, sagas, deadlines,
 * queries) shares the configured one.
 *
 * <p>A saga, a deadline or the order placement hands a command to the bus and waits for it while its processor's
 * transaction holds a connection. With one pool, a few dozen processor segments catching up at once (after a
 * restart) held every connection while their commands waited for one: commands timed out, health checks waited 20 s
 * for a connection, an order placement was parked as a dead letter (found by {@code bin/reliability crash}). Commands
 * run on threads of their own ({@link #forCommands}); a connection asked for there comes from the command
 * pool, so a waiting processor can never starve the command it waits for.
 *
 * <p>The command pool copies the configured Hikari pool's settings with {@code souq.datasource.command-pool-size}
 * connections (default 8). A data source that is not Hikari is left as it is.
 */
public final class CommandConnections extends AbstractDataSource implements Closeable {

    private static final ThreadLocal<Boolean> RUNNING_A_COMMAND = new ThreadLocal<>();

    private final DataSource shared;
    private final DataSource commands;

    CommandConnections(DataSource shared, DataSource commands) {
        this.shared = shared;
        this.commands = commands;
    }

    /** The task, taking its connections from the command pool while it runs. */
    public static Runnable forCommands(Runnable task) {
        return () -> {
            RUNNING_A_COMMAND.set(Boolean.TRUE);
            try {
                task.run();
            } finally {
                RUNNING_A_COMMAND.remove();
            }
        };
    }

    /** Wraps the application's Hikari data source (bean {@code dataSource}) once it is built. */
    static BeanPostProcessor installer(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!"dataSource".equals(name) || !(bean instanceof HikariDataSource configured)) {
                    return bean;
                }
                int size = environment.getProperty("souq.datasource.command-pool-size", Integer.class, 8);
                HikariConfig config = new HikariConfig();
                configured.copyStateTo(config);
                config.setPoolName((configured.getPoolName() == null ? "souq" : configured.getPoolName())
                        + "-commands");
                config.setMaximumPoolSize(size);
                config.setMinimumIdle(Math.min(2, size));
                return new CommandConnections(configured, new HikariDataSource(config));
            }
        };
    }

    private DataSource current() {
        return RUNNING_A_COMMAND.get() != null ? commands : shared;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return current().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return current().getConnection(username, password);
    }

    /** Pool metrics and health see the shared pool, the one sized by {@code spring.datasource.hikari.*}. */
    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (type.isInstance(shared)) {
            return type.cast(shared);
        }
        return shared.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || type.isInstance(shared) || shared.isWrapperFor(type);
    }

    @Override
    public void close() {
        for (DataSource pool : new DataSource[] {commands, shared}) {
            if (pool instanceof HikariDataSource hikari) {
                hikari.close();
            }
        }
    }
}
