package com.souq.commerce.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;

/** A command's connections come from the command pool, every other thread's from the shared one. */
class CommandConnectionsTest {

    private final DataSource shared = pool("shared");
    private final DataSource commands = pool("commands");
    private final CommandConnections connections = new CommandConnections(shared, commands);

    @Test
    void aThreadRunningACommandTakesItsConnectionFromTheCommandPool() throws Exception {
        AtomicReference<String> during = new AtomicReference<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            threads.submit(CommandConnections.forCommands(() -> during.set(nameOf(connections)))).get();
        }

        assertThat(during.get()).isEqualTo("commands");
    }

    @Test
    void everyOtherThreadAndTheCommandThreadAfterwardsUseTheSharedPool() {
        assertThat(nameOf(connections)).isEqualTo("shared");

        CommandConnections.forCommands(() -> { }).run();

        assertThat(nameOf(connections)).as("after the command finished").isEqualTo("shared");
    }

    private static String nameOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getCatalog();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A pool whose connections answer its name as their catalog. */
    private static DataSource pool(String name) {
        return new AbstractDataSource() {
            @Override
            public Connection getConnection() {
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {Connection.class},
                        (proxy, method, args) -> method.getName().equals("getCatalog") ? name : null);
            }

            @Override
            public Connection getConnection(String username, String password) {
                return getConnection();
            }
        };
    }
}
