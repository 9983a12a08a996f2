package com.souq.commerce.infrastructure.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.souq.commerce.infrastructure.host.FileTrees;
import com.souq.commerce.infrastructure.host.HostUser;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchNodeTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Path root;

    /** Not @TempDir: under root that is mode 700, which the node, running as nobody, could not enter. */
    @BeforeEach
    void createSearchableDirectory() throws IOException {
        root = Files.createTempDirectory("souq-elasticsearch-test-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void deleteDirectory() {
        http.close();
        FileTrees.delete(root);
    }

    @Test
    void indexesAndFindsADocumentFreesItsPortOnCloseAndKeepsItsIndicesAcrossARestart() throws Exception {
        Path data = root.resolve("data");
        ElasticsearchNode.Settings settings = ElasticsearchNode.Settings.persistent(
                ElasticsearchNode.locateDistribution(), data);
        URI first;
        try (ElasticsearchNode node = ElasticsearchNode.start(settings)) {
            first = node.httpUri();
            assertThat(first.getHost()).isEqualTo("127.0.0.1");
            assertThat(send("GET", first.resolve("/_cluster/health"), null).body())
                    .containsPattern("\"status\":\"(green|yellow)\"");
            assertThat(send("PUT", first.resolve("/parts/_doc/1?refresh=true"),
                    "{\"title\":\"Toyota Camry brake pads\"}").statusCode()).isEqualTo(201);
            HttpResponse<String> found = send("GET", first.resolve("/parts/_search?q=title:brake"), null);
            assertThat(found.body()).contains("\"total\":{\"value\":1").contains("Toyota Camry brake pads");
            assertThat(send("GET", first.resolve("/parts/_search?q=title:clutch"), null).body())
                    .contains("\"total\":{\"value\":0");
        }
        assertThatThrownBy(() -> send("GET", first.resolve("/_cluster/health"), null))
                .isInstanceOf(ConnectException.class);
        try (ServerSocket rebound = new ServerSocket(first.getPort(), 1, InetAddress.getLoopbackAddress())) {
            assertThat(rebound.getLocalPort()).isEqualTo(first.getPort());
        }
        assertThat(data).isDirectoryContaining(path -> path.getFileName().toString().equals("_state"));

        try (ElasticsearchNode restarted = ElasticsearchNode.start(settings)) {
            assertThat(send("GET", restarted.httpUri().resolve("/parts/_doc/1"), null).body())
                    .contains("\"found\":true").contains("Toyota Camry brake pads");
        }
        assertThat(data).exists();
    }

    @Test
    void aNodeThatCannotStartFailsWithItsOwnOutput() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ElasticsearchNode.Settings settings = ElasticsearchNode.Settings.temporary(
                    ElasticsearchNode.locateDistribution()).withHttpPort(taken.getLocalPort());
            assertThatThrownBy(() -> ElasticsearchNode.start(settings))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("exited with code")
                    .hasMessageContaining("BindException");
        }
    }

    @Test
    void underRootADataDirectoryTheNodeCannotReachIsNamed(@TempDir Path privateDirectory) {
        assumeThat(HostUser.isRoot()).as("running as root").isTrue();
        ElasticsearchNode.Settings settings = ElasticsearchNode.Settings.persistent(
                ElasticsearchNode.locateDistribution(), privateDirectory.resolve("data"));
        assertThatThrownBy(() -> ElasticsearchNode.start(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'nobody' cannot enter " + privateDirectory);
    }

    @Test
    void theDistributionPropertyMustNameAnExistingFile() {
        String previous = System.getProperty(ElasticsearchNode.DISTRIBUTION_PROPERTY);
        System.setProperty(ElasticsearchNode.DISTRIBUTION_PROPERTY, root.resolve("missing.zip").toString());
        try {
            assertThatThrownBy(ElasticsearchNode::locateDistribution)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(ElasticsearchNode.DISTRIBUTION_PROPERTY)
                    .hasMessageContaining("missing.zip");
        } finally {
            if (previous == null) {
                System.clearProperty(ElasticsearchNode.DISTRIBUTION_PROPERTY);
            } else {
                System.setProperty(ElasticsearchNode.DISTRIBUTION_PROPERTY, previous);
            }
        }
    }

    @Test
    void settingsRejectNonsense() {
        Path zip = root.resolve("elasticsearch.zip");
        ElasticsearchNode.Settings settings = ElasticsearchNode.Settings.temporary(zip);
        assertThat(settings.temporaryData()).isTrue();
        assertThat(settings.heap()).isEqualTo("512m");
        assertThatThrownBy(() -> settings.withHeap("lots")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withHttpPort(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withStartupTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private HttpResponse<String> send(String method, URI uri, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
