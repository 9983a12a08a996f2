package com.souq.commerce.infrastructure.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalPostgresTest {

    private static final String DATABASE = "souq_local_postgres_test_" + ProcessHandle.current().pid();

    @Test
    void createFreshDatabaseGivesAnEmptyDatabaseEvenWhenOneOfThatNameHadTables() throws Exception {
        Optional<PostgresConnection> admin = LocalPostgres.probe();
        assumeThat(admin).as("a PostgreSQL server on this machine").isPresent();
        try {
            PostgresConnection first = LocalPostgres.createFreshDatabase(admin.get(), DATABASE);
            assertThat(first.database()).isEqualTo(DATABASE);
            Sql.execute(first, "CREATE TABLE leftover (id int)", "INSERT INTO leftover VALUES (1)");
            try (var openSession = first.open()) {
                PostgresConnection fresh = LocalPostgres.createFreshDatabase(admin.get(), DATABASE);
                assertThat(openSession.isValid(1)).as("sessions of the old database are disconnected").isFalse();
                assertThat(Sql.column(fresh, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
                        .isEmpty();
            }
        } finally {
            LocalPostgres.dropDatabase(admin.get(), DATABASE);
        }
        assertThat(Sql.column(admin.get(), "SELECT datname FROM pg_database WHERE datname = '" + DATABASE + "'"))
                .isEmpty();
    }

    @Test
    void probeAnswersEmptyWithinAboutASecondWhenNothingListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long started = System.nanoTime();
        assertThat(LocalPostgres.probe("127.0.0.1", closedPort, "postgres", "", "test")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void probeAnswersEmptyWhenTheServerListensButRefusesTheLogin() {
        Optional<PostgresConnection> admin = LocalPostgres.probe();
        assumeThat(admin).as("a PostgreSQL server on this machine").isPresent();
        String host = System.getProperty("souq.test.postgres.host", "127.0.0.1");
        int port = Integer.parseInt(System.getProperty("souq.test.postgres.port", "5432"));
        assertThat(LocalPostgres.probe(host, port, "postgres", "", "no_such_database_anywhere")).isEmpty();
    }

    @Test
    void databaseNamesMustBePlainIdentifiers() {
        PostgresConnection admin = new PostgresConnection("jdbc:postgresql://127.0.0.1:1/test", "postgres", "");
        assertThatThrownBy(() -> LocalPostgres.createFreshDatabase(admin, "x; DROP DATABASE test"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConnectionSwitchesDatabasesKeepingParametersAndHidesItsPassword() {
        PostgresConnection admin = new PostgresConnection("jdbc:postgresql://db:5432/test?ssl=false", "app", "secret");
        PostgresConnection other = admin.withDatabase("souq");
        assertThat(other.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/souq?ssl=false");
        assertThat(other.database()).isEqualTo("souq");
        assertThat(other.toString()).doesNotContain("secret");
    }
}
