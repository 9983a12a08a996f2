package com.souq.commerce.infrastructure.elasticsearch;

import com.souq.commerce.infrastructure.DataDirectories;
import com.souq.commerce.infrastructure.Users;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch node started from the {@code integ-test-zip} distribution that the build downloads from
 * Maven Central. The distribution is unpacked once into a cache shared by all runs; each node gets its own config,
 * logs and data directories. Elasticsearch refuses to run as root, so under root the node runs as {@code nobody}.
 */
public final class ElasticsearchNode implements AutoCloseable {

    public static final String VERSION = "8.19.21";
    private static final Logger log = LoggerFactory.getLogger(ElasticsearchNode.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final URI httpUri;
    private final Path workDirectory;
    private final boolean temporaryData;

    private ElasticsearchNode(Process process, URI httpUri, Path workDirectory, boolean temporaryData) {
        this.process = process;
        this.httpUri = httpUri;
        this.workDirectory = workDirectory;
        this.temporaryData = temporaryData;
    }

    /**
     * @param distribution  the {@code elasticsearch-8.19.21.zip}
     * @param dataDirectory where the node keeps its indices; {@code null} for a temporary one deleted on close
     * @param heap          JVM heap, e.g. {@code 512m}
     * @param httpPort      0 picks a free port
     */
    public record Settings(Path distribution, Path dataDirectory, String heap, int httpPort) {

        public static Settings persistent(Path distribution, Path dataDirectory) {
            return new Settings(distribution, dataDirectory, "512m", 0);
        }

        public static Settings temporary(Path distribution) {
            return new Settings(distribution, null, "512m", 0);
        }
    }

    public static Path defaultDataDirectory() {
        return DataDirectories.base().resolve("elasticsearch");
    }

    /**
     * The distribution zip: system property {@code souq.elasticsearch.distribution}, environment variable
     * {@code SOUQ_ELASTICSEARCH_DISTRIBUTION}, or the copy in the local Maven repository.
     */
    public static Path locateDistribution() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("souq.elasticsearch.distribution");
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        String environment = System.getenv("SOUQ_ELASTICSEARCH_DISTRIBUTION");
        if (environment != null && !environment.isBlank()) {
            candidates.add(Path.of(environment));
        }
        String repository = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        candidates.add(Path.of(repository, "org", "elasticsearch", "distribution", "integ-test-zip", "elasticsearch",
                VERSION, "elasticsearch-" + VERSION + ".zip"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
                new IllegalStateException("No Elasticsearch " + VERSION + " distribution found (looked at "
                        + candidates + "). Build the project once (it downloads it), set "
                        + "souq.elasticsearch.distribution to the zip, or set souq.elasticsearch.url to a running node."));
    }

    public static ElasticsearchNode start(Settings settings) {
        Instant started = Instant.now();
        try {
            Path home = unpacked(settings.distribution());
            Path work = Files.createTempDirectory("souq-es-node-");
            Path config = work.resolve("config");
            copyTree(home.resolve("config"), config);
            Path logs = Files.createDirectories(work.resolve("logs"));
            boolean temporary = settings.dataDirectory() == null;
            Path data = temporary
                    ? Files.createDirectories(work.resolve("data"))
                    : DataDirectories.create(settings.dataDirectory());
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
            Users.giveToUnprivileged(work);
            Users.giveToUnprivileged(data);

            int httpPort = settings.httpPort() > 0 ? settings.httpPort() : freePort();
            int transportPort = freePort();
            List<String> command = Users.unprivileged(List.of(home.resolve("bin/elasticsearch").toString(),
                    "-E", "discovery.type=single-node",
                    "-E", "network.host=127.0.0.1",
                    "-E", "http.port=" + httpPort,
                    "-E", "transport.port=" + transportPort,
                    "-E", "path.data=" + data,
                    "-E", "path.logs=" + logs,
                    "-E", "cluster.name=souq-" + httpPort,
                    "-E", "cluster.routing.allocation.disk.threshold_enabled=false",
                    "-E", "action.destructive_requires_name=false",
                    "-E", "xpack.security.enabled=false"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("console.log").toFile());
            Map<String, String> environment = builder.environment();
            environment.put("ES_JAVA_HOME", System.getProperty("java.home"));
            environment.put("ES_PATH_CONF", config.toString());
            environment.put("ES_JAVA_OPTS", "-Xms" + settings.heap() + " -Xmx" + settings.heap());
            environment.remove("JAVA_TOOL_OPTIONS");
            Process process = builder.start();
            URI uri = URI.create("http://127.0.0.1:" + httpPort);
            ElasticsearchNode node = new ElasticsearchNode(process, uri, work, temporary);
            node.awaitHealthy(Duration.ofSeconds(120));
            log.info("Elasticsearch {} up at {} in {} ms (data in {})", VERSION, uri,
                    Duration.between(started, Instant.now()).toMillis(), data);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not start", e);
        }
    }

    public URI httpUri() {
        return httpUri;
    }

    private void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest health = HttpRequest.newBuilder(
                        httpUri.resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                String console = consoleTail();
                close();
                throw new IllegalStateException("Elasticsearch exited with " + process.exitValue() + ":\n" + console);
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the node is still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while Elasticsearch was starting", e);
            }
            sleep(250);
        }
        String console = consoleTail();
        close();
        throw new IllegalStateException("Elasticsearch was not healthy within " + timeout + ":\n" + console);
    }

    private String consoleTail() {
        try {
            List<String> lines = Files.readAllLines(workDirectory.resolve("console.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no console output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plusSeconds(20);
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            sleep(100);
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        deleteTree(workDirectory);
        if (!temporaryData) {
            log.info("Elasticsearch at {} stopped", httpUri);
        }
    }

    @Override
    public String toString() {
        return "Elasticsearch node at " + httpUri;
    }

    /** Unpacks the distribution once per version into the temp directory; concurrent JVMs race safely by rename. */
    private static Path unpacked(Path distribution) throws IOException {
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "souq-elasticsearch");
        Path home = cache.resolve(VERSION);
        if (Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            return home;
        }
        DataDirectories.create(cache);
        Path staging = Files.createTempDirectory(cache, "unpacking-");
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(distribution))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = staging.resolve(stripFirstSegment(entry.getName())).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("Zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path file : files.toList()) {
                boolean executable = Files.isDirectory(file) || file.getParent().getFileName().toString().equals("bin")
                        || file.toString().contains("/native/") || file.getFileName().toString().endsWith(".sh");
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        try {
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException lost) {
            deleteTree(staging);
        }
        return home;
    }

    private static String stripFirstSegment(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    try (InputStream in = Files.newInputStream(file)) {
                        Files.copy(in, destination);
                    }
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}", root, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
