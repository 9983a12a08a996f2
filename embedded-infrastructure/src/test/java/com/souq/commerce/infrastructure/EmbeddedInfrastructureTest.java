package com.souq.commerce.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.infrastructure.elasticsearch.ElasticsearchNode;
import com.souq.commerce.infrastructure.postgres.EmbeddedPostgresServer;
import com.souq.commerce.infrastructure.postgres.LocalPostgres;
import com.souq.commerce.infrastructure.postgres.PostgresConnection;
import com.souq.commerce.infrastructure.testing.TestInfrastructure;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.assertj.core.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void elasticsearchNodeIndexesAndFindsADocumentThenFreesItsPort(@TempDir Path data) throws Exception {
        URI uri;
        try (ElasticsearchNode node = ElasticsearchNode.start(
                ElasticsearchNode.Settings.persistent(ElasticsearchNode.locateDistribution(), data))) {
            uri = node.httpUri();
            assertThat(send("GET", uri.resolve("/_cluster/health"), null).body()).containsPattern(
                    "\"status\":\"(green|yellow)\"");
            send("PUT", uri.resolve("/parts/_doc/1?refresh=true"), "{\"title\":\"Toyota Camry brake pads\"}");
            HttpResponse<String> found = send("GET", uri.resolve("/parts/_search?q=title:brake"), null);
            assertThat(found.body()).contains("\"value\":1").contains("Toyota Camry brake pads");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> send("GET", uri.resolve("/_cluster/health"), null))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void embeddedPostgresKeepsDataAcrossARestart(@TempDir Path root) throws Exception {
        Path data = root.resolve("postgres");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
            execute(server.connection(), "CREATE TABLE kept (id int)", "INSERT INTO kept VALUES (42)");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
            assertThat(single(server.connection(), "SELECT id FROM kept")).isEqualTo(42);
        }
    }

    @Test
    void freshDatabaseOnTheMachinesServerIsEmpty() throws Exception {
        PostgresConnection admin = LocalPostgres.probe().orElse(null);
        Assumptions.assumeThat(admin).as("a PostgreSQL server on 127.0.0.1:5432").isNotNull();
        PostgresConnection first = LocalPostgres.createFreshDatabase(admin, "souq_infra_probe");
        execute(first, "CREATE TABLE leftover (id int)");
        PostgresConnection fresh = LocalPostgres.createFreshDatabase(admin, "souq_infra_probe");
        assertThat(single(fresh, "SELECT count(*) FROM pg_tables WHERE tablename = 'leftover'")).isZero();
        LocalPostgres.dropDatabase(admin, "souq_infra_probe");
    }

    @Test
    void testInfrastructureStartsEachServerOncePerJvm() {
        assertThat(TestInfrastructure.postgres()).isSameAs(TestInfrastructure.postgres());
        assertThat(TestInfrastructure.elasticsearch()).isSameAs(TestInfrastructure.elasticsearch());
    }

    private HttpResponse<String> send(String method, URI uri, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void execute(PostgresConnection connection, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(connection.jdbcUrl(), connection.username(),
                connection.password()); Statement statement = c.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long single(PostgresConnection connection, String query) throws Exception {
        try (Connection c = DriverManager.getConnection(connection.jdbcUrl(), connection.username(),
                connection.password()); Statement statement = c.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
