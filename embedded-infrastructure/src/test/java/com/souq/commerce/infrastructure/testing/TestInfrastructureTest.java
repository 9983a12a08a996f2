package com.souq.commerce.infrastructure.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.infrastructure.postgres.PostgresConnection;
import com.souq.commerce.infrastructure.postgres.Sql;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestInfrastructureExtension.class)
class TestInfrastructureTest {

    @Test
    void postgresIsOneUsableDatabasePerJvmEvenWhenAskedConcurrently() throws Exception {
        List<PostgresConnection> answers = concurrently(TestInfrastructure::postgres);
        assertThat(answers).allSatisfy(answer -> assertThat(answer).isSameAs(TestInfrastructure.postgres()));
        PostgresConnection postgres = TestInfrastructure.postgres();
        assertThat(Sql.column(postgres, "SELECT current_database()")).singleElement()
                .satisfiesAnyOf(name -> assertThat(name).isEqualTo("souq_it_" + ProcessHandle.current().pid()),
                        name -> assertThat(name).isEqualTo("souq"));
    }

    @Test
    void elasticsearchIsOneNodePerJvmEvenWhenAskedConcurrently() throws Exception {
        List<URI> answers = concurrently(TestInfrastructure::elasticsearch);
        assertThat(answers).allSatisfy(answer -> assertThat(answer).isSameAs(TestInfrastructure.elasticsearch()));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(TestInfrastructure.elasticsearch().resolve("/_cluster/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"cluster_name\":\"souq-it-" + ProcessHandle.current().pid() + "\"");
        }
    }

    private static <T> List<T> concurrently(Callable<T> call) throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<T>> futures = threads.invokeAll(List.of(call, call, call, call));
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
