package com.souq.commerce.benchmark;

import com.souq.commerce.infrastructure.postgres.PostgresConnection;
import com.souq.commerce.operations.processor.ProcessorControl;
import com.souq.commerce.operations.rebuild.ReadModelRebuilds;
import com.souq.commerce.operations.rebuild.RebuildProgress;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds over a large store, against the rate of simply reading it. Generated vendors and listings (created and
 * published: two events per listing) are appended and projected live by the {@code listings} read model; every other
 * processor is paused, so each figure is one job's alone. Then, one after the other:
 * <ol>
 *   <li>the plain sequential read of the same events from PostgreSQL: a JDBC cursor over {@code domainevententry} in
 *   global order fetching every column the event store reads, then Axon's own event stream from the first event to
 *   the head (through private streams, as a rebuild reads) with every payload and metadata deserialized: what any
 *   rebuild must pay at least;</li>
 *   <li>the blue-green rebuild of the {@code listings} read model through the same code as the admin API
 *   ({@link ReadModelRebuilds}), while its live processor keeps running: events of the store gone through per second,
 *   from the start to the moment the copy has caught up, the switch timed apart;</li>
 *   <li>the rebuild of the Elasticsearch listings index through the admin API (a new index filled by the
 *   {@code listing-search-rebuild} processor, then the alias swapped), from the request to "completed"
 *   ({@code --search=false} leaves it out).</li>
 * </ol>
 * The engine's heap in use after a full collection and its resident set size (this process: the benchmark drives the
 * engine in-process) are taken with the whole store loaded, after each rebuild, with the peak resident size.
 */
final class RebuildBenchmark {

    private static final String READ_MODEL = "listings";
    private static final String SEARCH_REBUILD = "listing-search-rebuild";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RebuildBenchmark() {
    }

    static void run(Options options) throws Exception {
        int events = options.number("events", 1_000_000);
        boolean search = !"false".equals(options.values().get("search"));
        String loadBefore = loadAverage();
        List<String> notes = new ArrayList<>();
        try (BenchmarkEngine engine = BenchmarkEngine.start(options.engineSettings())) {
            ProcessorControl control = engine.bean(ProcessorControl.class);
            List<String> others = engine.bean(EventProcessingConfiguration.class).eventProcessors().keySet().stream()
                    .filter(name -> !name.equals(READ_MODEL)).sorted().toList();
            others.forEach(control::pause);

            CatalogGenerator generator = new CatalogGenerator(engine.bean(EventStore.class));
            generator.vendors(150);
            Instant appendStart = Instant.now();
            long appended = generator.listings((events - 450) / 2, 500);
            Duration appending = Duration.between(appendStart, Instant.now());
            long head = engine.head();
            progress("appended %,d events in %.1f s; load %s", appended, seconds(appending), loadAverage());
            Duration live = Duration.between(appendStart, Instant.now())
                    .plus(engine.awaitCaughtUp(READ_MODEL, head, Duration.ofHours(2)));
            long rows = engine.bean(JdbcClient.class).sql("SELECT count(*) FROM listings").query(Long.class).single();
            progress("live projection caught up after %.1f s", seconds(live));
            Memory loaded = Memory.now();

            String loadRead = loadAverage();
            Rate jdbcRead = jdbcRead(engine.postgres(), head);
            progress("JDBC cursor: %s", jdbcRead);
            JdbcClient jdbc = engine.bean(JdbcClient.class);
            // Through private streams, as the rebuild reads, so that the figure is the same read the rebuild makes
            // (the engine store's cache of recent events serves processors near the head, not a whole-store read).
            EmbeddedEventStore privateStreams = EmbeddedEventStore.builder()
                    .storageEngine(engine.bean(EventStorageEngine.class)).optimizeEventConsumption(false).build();
            Rate axonRead = axonRead(privateStreams, jdbc, head);
            privateStreams.shutDown();
            progress("Axon stream, deserialized: %s", axonRead);

            String loadRebuild = loadAverage();
            ReadModelRebuilds rebuilds = engine.bean(ReadModelRebuilds.class);
            Cpu beforeRebuild = Cpu.now(jdbc);
            Instant start = Instant.now();
            rebuilds.start(READ_MODEL);
            RebuildProgress progress = rebuilds.progress(READ_MODEL).orElseThrow();
            while (progress.state().equals("BUILDING") || progress.state().equals("SWAPPING")) {
                Thread.sleep(200);
                progress = rebuilds.progress(READ_MODEL).orElseThrow();
            }
            if (!progress.state().equals("COMPLETED")) {
                throw new IllegalStateException("The rebuild ended " + progress);
            }
            Duration total = Duration.between(start, progress.finishedAt());
            Duration building = Duration.between(start, progress.caughtUpAt());
            Duration switching = Duration.between(progress.caughtUpAt(), progress.finishedAt());
            Rate rebuilt = new Rate(head, building, Cpu.now(jdbc).since(beforeRebuild, head));
            long rebuiltRows = engine.bean(JdbcClient.class).sql("SELECT count(*) FROM listings").query(Long.class)
                    .single();
            if (rebuiltRows != rows) {
                throw new IllegalStateException("The rebuilt table has " + rebuiltRows + " rows, not " + rows);
            }
            progress("rebuilt %s: %s", READ_MODEL, rebuilt);
            Memory afterRebuild = Memory.now();

            String loadSearch = loadAverage();
            Rate indexed = null;
            Memory afterSearch = null;
            if (search) {
                indexed = rebuildSearchIndex(engine, head);
                progress("rebuilt the search index: %s", indexed);
                afterSearch = Memory.now();
            } else {
                notes.add("The search index rebuild was left out (`--search=false`).");
            }
            String loadAfter = loadAverage();

            String report = """
                    # Rebuild benchmark: read models and search index against a plain read of the store

                    Machine: %d cores (%s), %d MiB max heap for the engine JVM, %s %s; PostgreSQL and one
                    Elasticsearch node on the same machine, which is shared with other builds: the load average (1, 5,
                    15 min) is given for each phase.
                    Run: `bin/benchmark rebuild --events=%d%s`, %s. Processors other than `%s` paused (the search
                    index rebuild resumes `%s` alone).

                    | what | figure |
                    | --- | --- |
                    | events in the store | %,d (%,d listings created and published, 150 vendors) |
                    | append to the event store | %.1f s (%,.0f events/s) |
                    | live projection of `%s`, first event to caught up | %.1f s (%,.0f events/s) |
                    | rows of `listings` before and after the rebuild | %,d = %,d |

                    | reading or rebuilding the whole store | time | events/s | against the plain read | CPU: engine + PostgreSQL | load average at its start |
                    | --- | ---: | ---: | ---: | --- | --- |
                    | (a) plain sequential read: JDBC cursor over `domainevententry` in global order, every column | %.1f s | %,.0f | 1.00 | %s | %s |
                    | (a') Axon's event stream, first event to head, payload and metadata deserialized | %.1f s | %,.0f | %.2f | %s | %s |
                    | (b) blue-green rebuild of `%s` into PostgreSQL, start to caught up | %.1f s | **%,.0f** | %.2f | %s | %s |
                    | (c) rebuild of the Elasticsearch listings index, request to alias swapped | %s | %s | %s | %s | %s |

                    The rebuild's switch (stop both processors, swap tables, tokens, drop old tables, ANALYZE) took
                    %.2f s; start to "finished" %.1f s. Load average after the run: %s (before it: %s).

                    | engine memory (JVM of the benchmark, which runs the engine) | heap used after a full GC | resident set size |
                    | --- | ---: | ---: |
                    | store loaded, `listings` caught up | %s | %s |
                    | after the `listings` rebuild | %s | %s |
                    | after the search index rebuild | %s | %s |
                    | peak resident set size of the run (VmHWM) | | %s |
                    %s
                    """.formatted(Runtime.getRuntime().availableProcessors(), cpu(),
                    Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), events, search ? "" : " --search=false", Instant.now(),
                    READ_MODEL, SEARCH_REBUILD,
                    head, (appended - 0) / 2, seconds(appending), appended / seconds(appending),
                    READ_MODEL, seconds(live), head / seconds(live), rows, rebuiltRows,
                    jdbcRead.seconds(), jdbcRead.perSecond(), jdbcRead.cpu(), loadRead,
                    axonRead.seconds(), axonRead.perSecond(), axonRead.perSecond() / jdbcRead.perSecond(),
                    axonRead.cpu(), loadRead,
                    READ_MODEL, rebuilt.seconds(), rebuilt.perSecond(), rebuilt.perSecond() / jdbcRead.perSecond(),
                    rebuilt.cpu(), loadRebuild,
                    indexed == null ? "–" : "%.1f s".formatted(indexed.seconds()),
                    indexed == null ? "–" : "%,.0f".formatted(indexed.perSecond()),
                    indexed == null ? "–" : "%.2f".formatted(indexed.perSecond() / jdbcRead.perSecond()),
                    indexed == null ? "–" : indexed.cpu(), search ? loadSearch : "–",
                    seconds(switching), seconds(total), loadAfter, loadBefore,
                    loaded.heap(), loaded.resident(), afterRebuild.heap(), afterRebuild.resident(),
                    afterSearch == null ? "–" : afterSearch.heap(), afterSearch == null ? "–" : afterSearch.resident(),
                    Memory.mib(Memory.status("VmHWM")),
                    notes.isEmpty() ? "" : "\n" + String.join("\n", notes) + "\n");
            System.out.println(report);
            Path results = options.results();
            Files.createDirectories(results);
            Files.writeString(results.resolve("rebuild.md"), report);
        }
    }

    /** Events read, how long it took, and the CPU time it took (engine + PostgreSQL). */
    record Rate(long events, Duration took, String cpu) {

        double seconds() {
            return RebuildBenchmark.seconds(took);
        }

        double perSecond() {
            return events / seconds();
        }

        @Override
        public String toString() {
            return "%,d events in %.1f s (%,.0f events/s), CPU %s".formatted(events, seconds(), perSecond(), cpu);
        }
    }

    /**
     * The store read as a processor reads it, without Axon: a cursor over {@code domainevententry} in global order,
     * fetching what the event store's query selects, every value taken out of the result set.
     */
    private static Rate jdbcRead(PostgresConnection postgres, long head) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password())) {
            connection.setAutoCommit(false);
            int backend;
            try (PreparedStatement pid = connection.prepareStatement("SELECT pg_backend_pid()");
                 ResultSet row = pid.executeQuery()) {
                row.next();
                backend = row.getInt(1);
            }
            Cpu before = Cpu.now(backend);
            long start = System.nanoTime();
            long read = 0;
            long bytes = 0;
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT globalindex, type, aggregateidentifier, sequencenumber, eventidentifier, timestamp,
                           payloadtype, payloadrevision, payload, metadata
                      FROM domainevententry WHERE globalindex <= ? ORDER BY globalindex""")) {
                statement.setFetchSize(1_000);
                statement.setLong(1, head);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getLong(1);
                        rows.getString(2);
                        rows.getString(3);
                        rows.getLong(4);
                        rows.getString(5);
                        rows.getString(6);
                        rows.getString(7);
                        rows.getString(8);
                        bytes += rows.getBytes(9).length + rows.getBytes(10).length;
                        read++;
                    }
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            Cpu after = Cpu.now(backend);
            connection.rollback();
            progress("JDBC cursor read %,d bytes of payload and metadata", bytes);
            return new Rate(read, took, after.since(before, read));
        }
    }

    /** Axon's event stream from the first event to {@code head}, each payload and its metadata deserialized. */
    private static Rate axonRead(EventStore eventStore, JdbcClient jdbc, long head) throws Exception {
        Cpu before = Cpu.now(jdbc);
        long start = System.nanoTime();
        long read = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            long position = 0;
            while (position < head) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                event.getPayload();
                event.getMetaData();
                position = event.trackingToken().position().orElse(position);
                read++;
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Rate(read, took, Cpu.now(jdbc).since(before, read));
    }

    /**
     * The admin API's rebuild of the listings index, from the request to the alias swapped; the rate counts every event
     * of the store, as the rebuild goes through all of them.
     */
    private static Rate rebuildSearchIndex(BenchmarkEngine engine, long head) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonNode minted = send(http, HttpRequest.newBuilder(URI.create(engine.baseUrl() + "/api/v1/dev/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"bench-admin\",\"roles\":[\"ADMIN\"]}")),
                200);
        String token = minted.get("accessToken").asString();
        URI rebuild = URI.create(engine.baseUrl() + "/api/v1/admin/search/listings/rebuild");
        engine.bean(ProcessorControl.class).resume(SEARCH_REBUILD);
        JdbcClient jdbc = engine.bean(JdbcClient.class);
        Cpu before = Cpu.now(jdbc);
        long start = System.nanoTime();
        send(http, HttpRequest.newBuilder(rebuild).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()), 202);
        while (true) {
            Thread.sleep(200);
            JsonNode status = send(http, HttpRequest.newBuilder(rebuild).header("Authorization", "Bearer " + token)
                    .GET(), 200);
            String state = status.get("state").asString();
            if (state.equals("COMPLETED")) {
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                if (status.get("position").asLong() < head) {
                    throw new IllegalStateException("The search index rebuild completed short of " + head + ": "
                            + status);
                }
                return new Rate(head, took, Cpu.now(jdbc).since(before, head) + ", Elasticsearch not counted");
            }
            if (!state.equals("BUILDING")) {
                throw new IllegalStateException("The search index rebuild ended " + status);
            }
        }
    }

    private static JsonNode send(HttpClient http, HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofMinutes(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The heap in use after a full collection and the resident set size of this process, in MiB. */
    record Memory(String heap, String resident) {

        static Memory now() {
            System.gc();
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            Memory memory = new Memory(mib(used), mib(status("VmRSS")));
            progress("memory: heap used after GC %s, resident %s", memory.heap(), memory.resident());
            return memory;
        }

        /** A size in bytes from {@code /proc/self/status}; -1 where there is none. */
        static long status(String field) {
            try {
                return Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .filter(line -> line.startsWith(field + ":"))
                        .map(line -> line.substring(field.length() + 1).strip().split("\\s+")[0])
                        .mapToLong(kib -> Long.parseLong(kib) * 1024).findFirst().orElse(-1);
            } catch (IOException unreadable) {
                return -1;
            }
        }

        static String mib(long bytes) {
            return bytes < 0 ? "unknown" : "%,d MiB".formatted(bytes >> 20);
        }
    }

    /**
     * CPU time spent so far by this JVM (the engine) and by each PostgreSQL backend serving the benchmark's database
     * (read from {@code /proc}, in clock ticks of 10 ms): on a machine shared with other work, CPU seconds per event
     * say more than the wall-clock rate alone. A backend that ends within a phase is not counted.
     */
    record Cpu(double engine, Map<Integer, Long> backends) {

        /** Now, with the backends of {@code jdbc}'s database (none when null). */
        static Cpu now(JdbcClient jdbc) {
            double engine = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e9;
            List<Integer> pids = jdbc == null ? List.of() : jdbc
                    .sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
                    .query(Integer.class).list();
            Map<Integer, Long> backends = new HashMap<>();
            pids.forEach(pid -> backends.put(pid, ticks(pid)));
            return new Cpu(engine, backends);
        }

        /** Now, with one backend given by its process id. */
        static Cpu now(int backend) {
            return new Cpu(now((JdbcClient) null).engine(), Map.of(backend, ticks(backend)));
        }

        /** User and system clock ticks of a process; 0 when unreadable (not Linux, or gone). */
        static long ticks(int pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException unreadable) {
                return 0;
            }
        }

        /** CPU spent since {@code before}, as "engine x s + PostgreSQL y s (z µs/event)". */
        String since(Cpu before, long events) {
            double engineSeconds = engine - before.engine;
            long ticks = 0;
            for (Map.Entry<Integer, Long> backend : backends.entrySet()) {
                ticks += Math.max(0, backend.getValue() - before.backends.getOrDefault(backend.getKey(), 0L));
            }
            double postgresSeconds = ticks / 100.0;
            return "%.1f s + %.1f s (%.0f µs/event)".formatted(engineSeconds, postgresSeconds,
                    (engineSeconds + postgresSeconds) * 1e6 / events);
        }
    }

    private static void progress(String format, Object... arguments) {
        System.out.printf("[rebuild benchmark %s] %s%n", Instant.now(), format.formatted(arguments));
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException unreadable) {
            return "unknown";
        }
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException unreadable) {
            return "unknown CPU";
        }
    }

    private static double seconds(Duration duration) {
        return Math.max(0.001, duration.toMillis() / 1000.0);
    }
}
