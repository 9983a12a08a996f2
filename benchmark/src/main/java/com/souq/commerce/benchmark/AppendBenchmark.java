package com.souq.commerce.benchmark;

import com.souq.commerce.benchmark.CatalogGenerator.ForSale;
import com.souq.commerce.infrastructure.postgres.PostgresConnection;
import com.souq.commerce.vendor.api.VendorId;
import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event append, the engine against the machine's own limit, in one run. For 1, 8 and 32 concurrent clients:
 * commands per second and p50/p99 over HTTP for creating a listing (an approved vendor's staff, Idempotency-Key)
 * and adding to a cart (one customer per client); then, at the same concurrency and from the same JVM, the rate at
 * which PostgreSQL itself inserts rows of the same shape (bytes copied from the events the engine just stored) into a
 * scratch copy of {@code domainevententry} with its own sequence, one transaction per row over plain JDBC. Between
 * runs every processor catches up, so neither side pays for the other's leftovers. Alongside: events and PostgreSQL
 * commits per command, CPU and waits for a pooled connection, to say where the difference goes.
 */
final class AppendBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LISTING_CREATED = "com.souq.commerce.listing.api.ListingCreatedEvent";
    private static final String CART_LINE = "com.souq.commerce.cart.api.Cart%";

    /** One client's next command; throws if the engine refuses it. */
    @FunctionalInterface
    private interface Operation {
        void run() throws Exception;
    }

    @FunctionalInterface
    private interface Client {
        Operation open(int client) throws Exception;
    }

    /** Where the time of a run went, sampled while it was measured. */
    record Load(double machineBusy, double jvmCpu, int maxWaitingForConnection, double eventsPerCommand,
                double commitsPerCommand) {
    }

    record Run(String what, int clients, long count, double seconds, Histogram latencies, Load load) {

        double rate() {
            return count / seconds;
        }

        double p50() {
            return latencies.getValueAtPercentile(50) / 1000.0;
        }

        double p99() {
            return latencies.getValueAtPercentile(99) / 1000.0;
        }
    }

    /** A real event's stored bytes, to insert again and again. */
    record Row(String type, String payloadType, String payloadRevision, byte[] payload, byte[] metadata) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchmarkEngine engine;
    private final Duration warmup;
    private final Duration measured;

    private AppendBenchmark(BenchmarkEngine engine, Duration warmup, Duration measured) {
        this.engine = engine;
        this.warmup = warmup;
        this.measured = measured;
    }

    static void run(Options options) throws Exception {
        List<Integer> levels = options.numbers("clients", List.of(1, 8, 32));
        int most = levels.stream().mapToInt(Integer::intValue).max().orElse(1);
        Duration warmup = Duration.ofSeconds(options.number("warmup", 3));
        Duration measured = Duration.ofSeconds(options.number("seconds", 10));
        String machine = machine();
        try (BenchmarkEngine engine = BenchmarkEngine.start(options.engineSettings())) {
            AppendBenchmark benchmark = new AppendBenchmark(engine, warmup, measured);
            CatalogGenerator catalog = new CatalogGenerator(engine.bean(EventStore.class));
            catalog.vendors(3 * Math.max(most, 8));
            List<VendorId> sellers = catalog.vendorsIn("EG");
            List<ForSale> forSale = catalog.deepStock(10, 1_000_000);
            engine.awaitAllCaughtUp(Duration.ofMinutes(5));
            String postgresVersion = benchmark.prepareScratchTable();

            // The JIT compiles the command paths before anything is measured: on two cores its compiler threads
            // otherwise take most of the CPU of the first runs (measured with JFR).
            Duration jit = Duration.ofSeconds(options.number("jit-warmup", 40));
            benchmark.measure("warm-up", 8, benchmark.createListing(sellers), jit.dividedBy(2), Duration.ZERO);
            benchmark.measure("warm-up", 8, benchmark.addToCart(forSale, "warm-up"), jit.dividedBy(2),
                    Duration.ZERO);

            List<Run[]> rows = new ArrayList<>();
            for (int clients : levels) {
                Run listing = benchmark.measure("create listing", clients, benchmark.createListing(sellers));
                Run listingRows = benchmark.measure("insert row", clients,
                        benchmark.insertRow(benchmark.lastRow(LISTING_CREATED), true));
                Run cart = benchmark.measure("add to cart", clients, benchmark.addToCart(forSale, "c" + clients));
                Run cartRows = benchmark.measure("insert row", clients,
                        benchmark.insertRow(benchmark.lastRow(CART_LINE), false));
                rows.add(new Run[] {listing, listingRows});
                rows.add(new Run[] {cart, cartRows});
                System.out.printf("%d clients: create listing %.0f/s vs %.0f rows/s; add to cart %.0f/s vs %.0f "
                        + "rows/s%n", clients, listing.rate(), listingRows.rate(), cart.rate(), cartRows.rate());
            }
            String report = report(rows, machine, postgresVersion, benchmark.rowSizes(), forSale.size(), levels,
                    warmup, measured, options.engineSettings());
            System.out.println(report);
            Path results = options.results();
            Files.createDirectories(results);
            Files.writeString(results.resolve(options.engineSettings().isEmpty() ? "append.md"
                    : "append-tuned.md"), report);
        }
    }

    private Client createListing(List<VendorId> sellers) {
        return client -> {
            VendorId vendor = sellers.get(client % sellers.size());
            String token = token(Map.of("subject", "bench-staff-" + vendor.value(), "roles", List.of("VENDOR"),
                    "vendorId", vendor.value()));
            SplittableRandom random = new SplittableRandom(client);
            return () -> {
                String body = JSON.writeValueAsString(Map.of(
                        "category", "spare-parts",
                        "title", Map.of("en", "Brake pads " + random.nextInt(10_000), "ar", "تيل فرامل"),
                        "description", Map.of("en", "Ceramic, front axle, fits most saloons"),
                        "attributes", Map.of("make", "Toyota", "model", "Corolla", "year", 2015, "condition", "NEW",
                                "city", "Cairo"),
                        "price", Map.of("minorUnits", (100 + random.nextInt(5_000)) * 100L, "currency", "EGP"),
                        "stock", 10));
                expect(201, post("/api/v1/vendors/" + vendor.value() + "/listings", token, body,
                        UUID.randomUUID().toString()));
            };
        };
    }

    private Client addToCart(List<ForSale> forSale, String round) {
        return client -> {
            String token = token(Map.of("subject", "bench-shopper-" + round + "-" + client,
                    "roles", List.of("CUSTOMER")));
            SplittableRandom random = new SplittableRandom(client);
            return () -> {
                ForSale item = forSale.get(random.nextInt(forSale.size()));
                expect(202, post("/api/v1/cart/lines", token, "{\"listingId\":\"" + item.listingId()
                        + "\",\"quantity\":1}", null));
            };
        };
    }

    /**
     * Inserts {@code row} into the scratch table, one autocommitted transaction per row on the client's own
     * connection: a new aggregate per row (as creating a listing does), or one aggregate per client with growing
     * sequence numbers (as a cart does).
     */
    private Client insertRow(Row row, boolean newAggregatePerRow) {
        PostgresConnection postgres = engine.postgres();
        return client -> {
            Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                    postgres.password() == null ? "" : postgres.password());
            connection.setAutoCommit(true);
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO bench_domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                                        metadata, payload, payloadrevision, payloadtype, timestamp)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            String aggregate = UUID.randomUUID().toString();
            long[] sequence = {0};
            return new Operation() {
                @Override
                public void run() throws SQLException {
                    insert.setString(1, newAggregatePerRow ? UUID.randomUUID().toString() : aggregate);
                    insert.setLong(2, newAggregatePerRow ? 0 : sequence[0]++);
                    insert.setString(3, row.type());
                    insert.setString(4, UUID.randomUUID().toString());
                    insert.setBytes(5, row.metadata());
                    insert.setBytes(6, row.payload());
                    insert.setString(7, row.payloadRevision());
                    insert.setString(8, row.payloadType());
                    insert.setString(9, Instant.now().toString());
                    insert.executeUpdate();
                }
            };
        };
    }

    /**
     * Runs {@code clients} threads issuing operations back to back for the warm-up and the measured time, and
     * records the operations that started in the measured window. Events and commits per command count everything the
     * commands caused, projections included: they are read after every processor caught up again.
     */
    private Run measure(String what, int clients, Client client) throws Exception {
        return measure(what, clients, client, warmup, measured);
    }

    private Run measure(String what, int clients, Client client, Duration warmup, Duration measured)
            throws Exception {
        engine.awaitAllCaughtUp(Duration.ofMinutes(5));
        List<Operation> operations = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            operations.add(client.open(c));
        }
        long eventsBefore = engine.head();
        long commitsBefore = commits();
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        CountDownLatch ready = new CountDownLatch(clients);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long windowStart = start + warmup.toNanos();
        long windowEnd = windowStart + measured.toNanos();
        Future<double[]> sampled = pool.submit(() -> sample(windowStart, windowEnd));
        List<Future<Histogram>> running = new ArrayList<>();
        long[] issued = new long[clients];
        for (int c = 0; c < clients; c++) {
            Operation operation = operations.get(c);
            int index = c;
            running.add(pool.submit(() -> {
                Histogram histogram = new Histogram(60_000_000L, 3);
                ready.countDown();
                ready.await();
                LockSupport.parkNanos(start - System.nanoTime());
                for (long begin = System.nanoTime(); begin < windowEnd; begin = System.nanoTime()) {
                    operation.run();
                    issued[index]++;
                    if (begin >= windowStart) {
                        histogram.recordValue(Math.max(1, (System.nanoTime() - begin) / 1_000));
                    }
                }
                return histogram;
            }));
        }
        Histogram all = new Histogram(60_000_000L, 3);
        for (Future<Histogram> done : running) {
            all.add(done.get());
        }
        double[] load = sampled.get();
        pool.shutdownNow();
        long commands = 0;
        for (long count : issued) {
            commands += count;
        }
        engine.awaitAllCaughtUp(Duration.ofMinutes(5));
        Thread.sleep(1_500);
        boolean engineSide = !what.equals("insert row");
        double events = engineSide ? (engine.head() - eventsBefore) / (double) commands : 1;
        double commitsPerCommand = (commits() - commitsBefore) / (double) commands;
        return new Run(what, clients, all.getTotalCount(), Math.max(1, measured.toNanos()) / 1e9, all,
                new Load(load[0], load[1], (int) load[2], events, commitsPerCommand));
    }

    /** Machine and JVM CPU over the measured window, and the most threads seen waiting for a pooled connection. */
    private double[] sample(long windowStart, long windowEnd) throws InterruptedException {
        DataSource dataSource = engine.bean(DataSource.class);
        HikariDataSource hikari = dataSource instanceof HikariDataSource pooled ? pooled : unwrap(dataSource);
        while (System.nanoTime() < windowStart) {
            Thread.sleep(1);
        }
        CpuClock cpu = new CpuClock();
        int waiting = 0;
        while (System.nanoTime() < windowEnd) {
            if (hikari != null && hikari.getHikariPoolMXBean() != null) {
                waiting = Math.max(waiting, hikari.getHikariPoolMXBean().getThreadsAwaitingConnection());
            }
            Thread.sleep(10);
        }
        return new double[] {cpu.machineBusy(), cpu.jvmCpu(), waiting};
    }

    private static HikariDataSource unwrap(DataSource dataSource) {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            return null;
        }
    }

    /** Every transaction the engine's database committed, whoever committed it. */
    private long commits() {
        return engine.bean(JdbcClient.class)
                .sql("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
                .query(Long.class).single();
    }

    private String prepareScratchTable() {
        JdbcClient jdbc = engine.bean(JdbcClient.class);
        jdbc.sql("DROP TABLE IF EXISTS bench_domainevententry").update();
        jdbc.sql("DROP SEQUENCE IF EXISTS bench_domainevententry_seq").update();
        jdbc.sql("CREATE TABLE bench_domainevententry (LIKE domainevententry INCLUDING ALL)").update();
        jdbc.sql("CREATE SEQUENCE bench_domainevententry_seq OWNED BY bench_domainevententry.globalindex").update();
        jdbc.sql("ALTER TABLE bench_domainevententry ALTER COLUMN globalindex "
                + "SET DEFAULT nextval('bench_domainevententry_seq')").update();
        return jdbc.sql("SELECT version()").query(String.class).single() + "; fsync "
                + jdbc.sql("SHOW fsync").query(String.class).single() + ", synchronous_commit "
                + jdbc.sql("SHOW synchronous_commit").query(String.class).single() + ", shared_buffers "
                + jdbc.sql("SHOW shared_buffers").query(String.class).single();
    }

    /** The newest stored event whose payload type matches {@code payloadType} (a LIKE pattern). */
    private Row lastRow(String payloadType) {
        return engine.bean(JdbcClient.class).sql("""
                        SELECT type, payloadtype, payloadrevision, payload, metadata FROM domainevententry
                         WHERE payloadtype LIKE :type ORDER BY globalindex DESC LIMIT 1""")
                .param("type", payloadType)
                .query((ResultSet row, int index) -> new Row(row.getString(1), row.getString(2), row.getString(3),
                        row.getBytes(4), row.getBytes(5)))
                .single();
    }

    private String rowSizes() {
        return engine.bean(JdbcClient.class).sql("""
                        SELECT string_agg(regexp_replace(payloadtype, '^.*\\.', '') || ' '
                                          || round(avg_payload) || ' + ' || round(avg_metadata), ', ')
                          FROM (SELECT payloadtype, avg(octet_length(payload)) AS avg_payload,
                                       avg(octet_length(metadata)) AS avg_metadata
                                  FROM domainevententry
                                 WHERE payloadtype LIKE :listing OR payloadtype LIKE :cart
                                 GROUP BY payloadtype) sizes""")
                .param("listing", LISTING_CREATED).param("cart", CART_LINE)
                .query(String.class).single();
    }

    private String token(Map<String, Object> request) throws Exception {
        HttpResponse<String> minted = post("/api/v1/dev/tokens", null, JSON.writeValueAsString(request), null);
        expect(200, minted);
        return JSON.readTree(minted.body()).get("accessToken").asString();
    }

    private HttpResponse<String> post(String path, String token, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engine.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** CPU time of the whole machine (from /proc/stat) and of this JVM over an interval. */
    private static final class CpuClock {

        private final OperatingSystemMXBean os =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final long[] machineStart = machineTicks();
        private final long jvmStart = os.getProcessCpuTime();
        private final long wallStart = System.nanoTime();

        /** Share of all cores' time not idle, from every process on the machine. */
        double machineBusy() {
            long[] now = machineTicks();
            long total = now[0] - machineStart[0];
            long idle = now[1] - machineStart[1];
            return total <= 0 ? Double.NaN : 1.0 - idle / (double) total;
        }

        /** Share of all cores' time this JVM (engine and clients) used. */
        double jvmCpu() {
            long wall = System.nanoTime() - wallStart;
            return (os.getProcessCpuTime() - jvmStart) / (double) wall / Runtime.getRuntime().availableProcessors();
        }

        private static long[] machineTicks() {
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < fields.length; i++) {
                    total += Long.parseLong(fields[i]);
                }
                return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
            } catch (IOException | RuntimeException unreadable) {
                return new long[] {0, 0};
            }
        }
    }

    private static String machine() {
        String cpu = "unknown CPU";
        String load = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse(cpu);
            load = Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException unreadable) {
            // not Linux: the report says less about the machine
        }
        return "%d cores (%s), %d MiB max heap for the engine JVM, %s %s; load average before the run: %s"
                .formatted(Runtime.getRuntime().availableProcessors(), cpu, Runtime.getRuntime().maxMemory() >> 20,
                        System.getProperty("java.vm.name"), System.getProperty("java.version"), load);
    }

    private static String report(List<Run[]> rows, String machine, String postgres, String sizes, int listings,
                                 List<Integer> levels, Duration warmup, Duration measured, List<String> settings) {
        StringBuilder table = new StringBuilder();
        StringBuilder load = new StringBuilder();
        for (Run[] row : rows) {
            Run engine = row[0];
            Run postgresRun = row[1];
            table.append("| %s | %d | %.0f | %.1f | %.1f | %.0f | %.1f | %.1f | %.0f %% |%n".formatted(engine.what(),
                    engine.clients(), engine.rate(), engine.p50(), engine.p99(), postgresRun.rate(), postgresRun.p50(),
                    postgresRun.p99(), 100 * engine.rate() / postgresRun.rate()));
            load.append("| %s | %d | %.2f | %.1f | %.0f %% / %.0f %% | %.0f %% / %.0f %% | %d |%n".formatted(
                    engine.what(), engine.clients(), engine.load().eventsPerCommand(),
                    engine.load().commitsPerCommand(), 100 * engine.load().machineBusy(),
                    100 * engine.load().jvmCpu(), 100 * postgresRun.load().machineBusy(),
                    100 * postgresRun.load().jvmCpu(), engine.load().maxWaitingForConnection()));
        }
        return """
                # Event append benchmark: the engine against PostgreSQL's own limit

                Machine: %s.
                PostgreSQL: %s; the engine, its PostgreSQL and one Elasticsearch node (512 MiB heap) on the same machine.
                Run: `bin/benchmark append --clients=%s --seconds=%d --warmup=%d%s`, %s.

                **Engine**: commands over HTTP, each client sending its next command when the last one answered:
                *create listing* is `POST /api/v1/vendors/{vendorId}/listings` with an `Idempotency-Key`, each client
                the staff of its own approved vendor; *add to cart* is `POST /api/v1/cart/lines`, each client one
                customer adding a random one of %d deep-stock listings to its cart. **PostgreSQL**: rows of the same
                bytes as those events (%s bytes of payload + metadata) inserted into
                `bench_domainevententry` (`LIKE domainevententry INCLUDING ALL`, its own sequence), one transaction per
                row, each client on its own plain JDBC connection from the benchmark's JVM: a new aggregate id per row
                for listings, one aggregate per client with growing sequence numbers for carts. Each figure is over
                %d s after %d s of warm-up at the same concurrency; every processor caught up before each run.

                | command | clients | engine cmd/s | p50 ms | p99 ms | PostgreSQL rows/s | p50 ms | p99 ms | engine / PostgreSQL |
                | --- | --- | --- | --- | --- | --- | --- | --- | --- |
                %s
                Where the time goes (engine runs; CPU is the share of all cores, machine-wide / this JVM, during the
                measured window; commits are every transaction the engine's database committed, projections included):

                | command | clients | events per command | PostgreSQL commits per command | CPU engine run | CPU PostgreSQL run | most threads waiting for a pooled connection |
                | --- | --- | --- | --- | --- | --- | --- |
                %s""".formatted(machine, postgres,
                String.join(",", levels.stream().map(String::valueOf).toList()), measured.toSeconds(),
                warmup.toSeconds(), settings.isEmpty() ? "" : " " + String.join(" ", settings), Instant.now(), listings, sizes, measured.toSeconds(), warmup.toSeconds(), table, load);
    }
}
