package com.souq.commerce.infrastructure.elasticsearch;

import com.souq.commerce.infrastructure.host.DataDirectories;
import com.souq.commerce.infrastructure.host.FileTrees;
import com.souq.commerce.infrastructure.host.OrphanedServers;
import com.souq.commerce.infrastructure.host.HostUser;
import com.souq.commerce.infrastructure.host.UnprivilegedUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch node, started as a child process from the {@code integ-test-zip} distribution that the build
 * downloads from Maven Central (the same server code as the product, without the bundled JDK: it runs on the JDK of
 * this JVM).
 *
 * <p>The engine's single-process run uses one with a persistent data directory, integration tests one with a
 * temporary one. The installation is unpacked once and shared ({@link ElasticsearchDistribution}); each node gets a
 * work directory of its own for config, logs, temp files and console output, so nodes never disturb each other.
 * The node listens on 127.0.0.1 only, as a single-node cluster without security (plain HTTP, no password), with
 * the disk watermarks off so that a nearly full developer disk does not turn indices read-only.
 *
 * <p>Root: Elasticsearch refuses to run as root, so a root JVM starts it as {@code nobody} (through
 * {@code setpriv}), hands the work and data directories to that account and checks beforehand that it can reach
 * the installation, the JDK and the data directory, naming the culprit if not.
 *
 * <p>Nothing global is registered: whoever starts a node decides whether a shutdown hook closes it.
 */
public final class ElasticsearchNode implements AutoCloseable {

    /** The Elasticsearch version the build downloads. */
    public static final String VERSION = "8.19.21";

    /** System property naming the distribution zip. */
    public static final String DISTRIBUTION_PROPERTY = "souq.elasticsearch.distribution";

    /** Environment variable naming the distribution zip when the system property is not set. */
    public static final String DISTRIBUTION_ENVIRONMENT = "SOUQ_ELASTICSEARCH_DISTRIBUTION";

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchNode.class);
    private static final long STOP_WAIT_SECONDS = 20;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int TAIL_LINES = 60;
    private static final Pattern LOOPBACK_PORT = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");
    private static final List<String> INHERITED_JAVA_VARIABLES = List.of("JAVA_HOME", "JAVA_TOOL_OPTIONS",
            "_JAVA_OPTIONS", "JAVA_OPTS", "JDK_JAVA_OPTIONS", "ES_HOME", "ES_JAVA_OPTS", "CLI_JAVA_OPTS");

    private final Process process;
    private final URI httpUri;
    private final Path workDirectory;
    private final Path dataDirectory;
    private final HttpClient http;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ElasticsearchNode(Process process, URI httpUri, Path workDirectory, Path dataDirectory, HttpClient http) {
        this.process = process;
        this.httpUri = httpUri;
        this.workDirectory = workDirectory;
        this.dataDirectory = dataDirectory;
        this.http = http;
    }

    /**
     * How to start a node.
     *
     * @param distribution   the {@code elasticsearch-<version>.zip} of the integ-test-zip distribution
     * @param dataDirectory  where the node keeps its indices across restarts, or {@code null} for a temporary one that
     *                       {@link #close()} deletes
     * @param heap           the JVM heap, minimum and maximum alike, e.g. {@code 512m}
     * @param httpPort       the HTTP port on 127.0.0.1; 0 lets the node pick a free one
     * @param clusterName    the cluster name
     * @param startupTimeout how long to wait for the cluster to turn yellow
     */
    public record Settings(Path distribution, Path dataDirectory, String heap, int httpPort, String clusterName,
                           Duration startupTimeout) {

        private static final Pattern HEAP = Pattern.compile("\\d+[kmgKMG]");

        public Settings {
            Objects.requireNonNull(distribution, "distribution");
            Objects.requireNonNull(heap, "heap");
            Objects.requireNonNull(clusterName, "clusterName");
            Objects.requireNonNull(startupTimeout, "startupTimeout");
            if (!HEAP.matcher(heap).matches()) {
                throw new IllegalArgumentException("Heap must look like 512m or 1g: " + heap);
            }
            if (httpPort < 0 || httpPort > 65535) {
                throw new IllegalArgumentException("Not a port: " + httpPort);
            }
            if (clusterName.isBlank()) {
                throw new IllegalArgumentException("The cluster name is blank");
            }
            if (startupTimeout.isNegative() || startupTimeout.isZero()) {
                throw new IllegalArgumentException("The startup timeout must be positive: " + startupTimeout);
            }
        }

        /** A node keeping its indices in {@code dataDirectory}, with a 512 MB heap, on a free port. */
        public static Settings persistent(Path distribution, Path dataDirectory) {
            return new Settings(distribution, Objects.requireNonNull(dataDirectory, "dataDirectory"), "512m", 0,
                    "souq-engine", Duration.ofSeconds(90));
        }

        /** A node on temporary data, with a 512 MB heap, on a free port. */
        public static Settings temporary(Path distribution) {
            return new Settings(distribution, null, "512m", 0, "souq-engine", Duration.ofSeconds(90));
        }

        public Settings withHeap(String newHeap) {
            return new Settings(distribution, dataDirectory, newHeap, httpPort, clusterName, startupTimeout);
        }

        public Settings withHttpPort(int newHttpPort) {
            return new Settings(distribution, dataDirectory, heap, newHttpPort, clusterName, startupTimeout);
        }

        public Settings withClusterName(String newClusterName) {
            return new Settings(distribution, dataDirectory, heap, httpPort, newClusterName, startupTimeout);
        }

        public Settings withStartupTimeout(Duration newStartupTimeout) {
            return new Settings(distribution, dataDirectory, heap, httpPort, clusterName, newStartupTimeout);
        }

        public boolean temporaryData() {
            return dataDirectory == null;
        }
    }

    /**
     * Where the engine keeps its indices between runs: {@code <souq.data-dir>/elasticsearch} when that system
     * property is set, else {@code /var/lib/souq-engine/elasticsearch} for root and
     * {@code $XDG_DATA_HOME/souq-engine/elasticsearch} ({@code ~/.local/share/souq-engine/elasticsearch}) for
     * everyone else. The parents are created searchable by all; {@link #start} creates the directory itself and,
     * under root, hands it to the unprivileged account the node runs as.
     */
    public static Path defaultDataDirectory() {
        return DataDirectories.forServer("elasticsearch");
    }

    /**
     * The distribution zip: the system property {@value #DISTRIBUTION_PROPERTY}, else the environment variable
     * {@value #DISTRIBUTION_ENVIRONMENT}, else the copy in the local Maven repository (honouring
     * {@code maven.repo.local}), where any build of this project puts it.
     *
     * @throws IllegalStateException when the configured file or, with nothing configured, the Maven copy is missing
     */
    public static Path locateDistribution() {
        String property = System.getProperty(DISTRIBUTION_PROPERTY);
        if (property != null && !property.isBlank()) {
            return existing(Path.of(property), "the system property " + DISTRIBUTION_PROPERTY);
        }
        String environment = System.getenv(DISTRIBUTION_ENVIRONMENT);
        if (environment != null && !environment.isBlank()) {
            return existing(Path.of(environment), "the environment variable " + DISTRIBUTION_ENVIRONMENT);
        }
        String repository = System.getProperty("maven.repo.local");
        Path repositoryRoot = repository == null || repository.isBlank()
                ? Path.of(System.getProperty("user.home"), ".m2", "repository")
                : Path.of(repository);
        Path mavenCopy = repositoryRoot.resolve(Path.of("org", "elasticsearch", "distribution", "integ-test-zip",
                "elasticsearch", VERSION, "elasticsearch-" + VERSION + ".zip"));
        if (Files.isRegularFile(mavenCopy)) {
            return mavenCopy;
        }
        throw new IllegalStateException("No Elasticsearch " + VERSION + " distribution: set the system property "
                + DISTRIBUTION_PROPERTY + " or the environment variable " + DISTRIBUTION_ENVIRONMENT
                + " to the integ-test-zip elasticsearch-" + VERSION + ".zip, or build the project once so that "
                + "Maven puts it at " + mavenCopy);
    }

    /**
     * Starts a node and waits until its cluster is yellow.
     *
     * @throws IllegalStateException when the node exits or is not ready within the startup timeout; the message
     *                               carries the tail of its console output
     */
    public static ElasticsearchNode start(Settings settings) {
        long started = System.nanoTime();
        Path home = ElasticsearchDistribution.install(settings.distribution());
        Path work = createWorkDirectory();
        try {
            Optional<Path> pidFile = settings.temporaryData() ? Optional.empty() : Optional.of(pidFileOf(settings));
            pidFile.ifPresent(file -> OrphanedServers.stop(file, "elasticsearch"));
            Path data = prepareDirectories(settings, home, work);
            Optional<UnprivilegedUser> account = HostUser.isRoot()
                    ? Optional.of(UnprivilegedUser.nobody())
                    : Optional.empty();
            account.ifPresent(user -> handOver(user, home, work, data, settings.temporaryData()));
            Process process = launch(settings, home, work, data, account);
            pidFile.ifPresent(file -> OrphanedServers.writePid(file, process.pid()));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            try {
                URI uri = awaitReady(process, work, http, settings);
                log.info("Elasticsearch {} ready at {} in {} ms (data in {}{})", VERSION, uri,
                        Duration.ofNanos(System.nanoTime() - started).toMillis(), data,
                        account.map(user -> ", running as " + user.name()).orElse(""));
                return new ElasticsearchNode(process, uri, work, data, http);
            } catch (RuntimeException e) {
                stop(process);
                http.close();
                throw e;
            }
        } catch (RuntimeException e) {
            FileTrees.delete(work);
            throw e;
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI httpUri() {
        return httpUri;
    }

    /** The directory holding the indices; below the work directory for temporary data. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Stops the node (SIGTERM, after {@value #STOP_WAIT_SECONDS} s SIGKILL to the whole process tree) and deletes its
     * work directory, with temporary data; a caller's data directory is kept. Waits until the processes are gone, so
     * the port is free and the data directory unlocked when it returns.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        stop(process);
        http.close();
        FileTrees.delete(workDirectory);
        log.info("Elasticsearch at {} stopped", httpUri);
    }

    @Override
    public String toString() {
        return "Elasticsearch " + VERSION + " node at " + httpUri;
    }

    private static Path existing(Path zip, String source) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(source + " names " + zip + ", which does not exist; point it to the "
                    + "integ-test-zip elasticsearch-" + VERSION + ".zip");
        }
        return zip;
    }

    private static Path createWorkDirectory() {
        try {
            return Files.createTempDirectory("souq-elasticsearch-node-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a work directory for Elasticsearch", e);
        }
    }

    /**
     * Beside a persistent data directory: the node outlives an engine killed with SIGKILL and keeps the directory
     * locked, so the next start stops it through this file.
     */
    private static Path pidFileOf(Settings settings) {
        Path data = settings.dataDirectory().toAbsolutePath().normalize();
        return data.resolveSibling(data.getFileName() + ".pid");
    }

    private static Path prepareDirectories(Settings settings, Path home, Path work) {
        try {
            FileTrees.copy(home.resolve("config"), work.resolve("config"));
            Files.createDirectories(work.resolve("logs"));
            Files.createDirectories(work.resolve("tmp"));
            Path data = settings.temporaryData()
                    ? work.resolve("data")
                    : settings.dataDirectory().toAbsolutePath().normalize();
            Files.createDirectories(data);
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the directories of an Elasticsearch node in " + work, e);
        }
    }

    private static void handOver(UnprivilegedUser user, Path home, Path work, Path data, boolean temporaryData) {
        user.requireReachable(home.resolve("bin/elasticsearch"));
        user.requireReachable(Path.of(System.getProperty("java.home"), "bin", "java"));
        user.requireReachable(work);
        if (!temporaryData) {
            user.requireReachable(data);
            user.takeOwnership(data);
        }
        user.takeOwnership(work);
    }

    private static Process launch(Settings settings, Path home, Path work, Path data,
                                  Optional<UnprivilegedUser> account) {
        List<String> command = new ArrayList<>(account.map(UnprivilegedUser::commandPrefix).orElse(List.of()));
        command.add(home.resolve("bin/elasticsearch").toString());
        List<String> nodeSettings = List.of(
                "discovery.type=single-node",
                "network.host=127.0.0.1",
                "http.port=" + settings.httpPort(),
                "transport.port=0",
                "node.portsfile=true",
                "path.data=" + data,
                "path.logs=" + work.resolve("logs"),
                "cluster.name=" + settings.clusterName(),
                "xpack.security.enabled=false",
                "cluster.routing.allocation.disk.threshold_enabled=false",
                "action.destructive_requires_name=false");
        nodeSettings.forEach(setting -> command.addAll(List.of("-E", setting)));

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("console.log").toFile()));
        Map<String, String> environment = builder.environment();
        INHERITED_JAVA_VARIABLES.forEach(environment::remove);
        environment.put("ES_JAVA_HOME", System.getProperty("java.home"));
        environment.put("ES_PATH_CONF", work.resolve("config").toString());
        environment.put("ES_TMPDIR", work.resolve("tmp").toString());
        environment.put("ES_JAVA_OPTS", "-Xms" + settings.heap() + " -Xmx" + settings.heap());
        environment.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + work.resolve("tmp"));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        }
    }

    /**
     * Polls cluster health until it is yellow. With port 0 the port is only known once the node has written it to
     * {@code logs/http.ports} ({@code node.portsfile}), which spares the race of picking a free port up front.
     */
    private static URI awaitReady(Process process, Path work, HttpClient http, Settings settings) {
        long deadline = System.nanoTime() + settings.startupTimeout().toNanos();
        int port = settings.httpPort();
        String lastAnswer = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("Elasticsearch exited with code " + process.exitValue() + " while starting", work);
            }
            if (port == 0) {
                port = boundHttpPort(work).orElse(0);
            }
            if (port > 0) {
                URI uri = URI.create("http://127.0.0.1:" + port);
                Optional<String> answer = health(http, uri, work);
                if (answer.isEmpty()) {
                    return uri;
                }
                lastAnswer = answer.get();
            }
            pause();
        }
        throw failure("Elasticsearch was not ready within " + settings.startupTimeout().toSeconds() + " s ("
                + lastAnswer + ")", work);
    }

    private static Optional<Integer> boundHttpPort(Path work) {
        Path portsFile = work.resolve("logs/http.ports");
        try {
            if (!Files.isRegularFile(portsFile)) {
                return Optional.empty();
            }
            return Files.readAllLines(portsFile).stream()
                    .map(LOOPBACK_PORT::matcher)
                    .filter(Matcher::matches)
                    .map(matcher -> Integer.parseInt(matcher.group(1)))
                    .findFirst();
        } catch (IOException stillBeingWritten) {
            return Optional.empty();
        }
    }

    /** Empty when the cluster is at least yellow, else what the node answered. */
    private static Optional<String> health(HttpClient http, URI uri, Path work) {
        HttpRequest request = HttpRequest.newBuilder(uri.resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    ? Optional.empty()
                    : Optional.of("HTTP " + response.statusCode() + ": " + response.body());
        } catch (IOException notYet) {
            return Optional.of(notYet.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("Interrupted while waiting for Elasticsearch", work);
        }
    }

    private static IllegalStateException failure(String reason, Path work) {
        return new IllegalStateException(reason + "; the last lines of its output:\n" + consoleTail(work));
    }

    private static String consoleTail(Path work) {
        Path console = work.resolve("console.log");
        try {
            List<String> lines = Files.readAllLines(console, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(could not read " + console + ": " + e.getMessage() + ")";
        }
    }

    /**
     * SIGTERM to the launcher, which shuts the server down cleanly; SIGKILL to whatever of the tree is left after
     * {@value #STOP_WAIT_SECONDS} s. The tree is taken first: once the launcher is gone its children are no longer
     * its descendants.
     */
    private static void stop(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.addFirst(process.toHandle());
        process.destroy();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        for (ProcessHandle member : tree) {
            if (!awaitExit(member, Math.max(deadline - System.nanoTime(), 0))) {
                log.warn("Elasticsearch process {} did not stop within {} s, killing it", member.pid(),
                        STOP_WAIT_SECONDS);
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        tree.forEach(member -> awaitExit(member, TimeUnit.SECONDS.toNanos(5)));
    }

    private static boolean awaitExit(ProcessHandle member, long nanos) {
        try {
            member.onExit().get(nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        } catch (ExecutionException e) {
            return !member.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !member.isAlive();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
        }
    }
}
