package com.souq.commerce.benchmark;

import com.souq.commerce.benchmark.CatalogGenerator.ForSale;
import com.souq.commerce.order.api.OrderPaidEvent;
import com.souq.commerce.order.api.VendorOrderCreatedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checkout end to end: concurrent shoppers each fill a cart from three vendors and check out with the sandbox
 * gateway. Measured per order: the checkout request itself, the time from sending it to the order being paid (the
 * checkout saga reserved stock, the payment was authorized and captured) and to every vendor order existing (the
 * splitting saga ran) and to those vendor orders being visible in the read model ({@code vendor_orders}). The first
 * two are observed in-process from the event store as events are committed; the read model is asked every 10 ms, and
 * only about orders whose vendor orders exist and are not seen there yet, so the benchmark adds little load.
 *
 * <p>By default every shopper checks out again as soon as the last checkout answered (a closed loop: the engine's
 * throughput, with a backlog of orders in flight). With {@code --rate=R} the checkouts are offered at R orders per
 * second whatever the engine does (an open loop: the latency an order sees at that rate); each shopper fills its cart
 * ahead of its order's appointed time.
 */
final class CheckoutBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Ten minutes: a latency above is recorded as ten minutes rather than failing the engine's thread. */
    private static final long HIGHEST_MICROS = 600_000_000L;
    private static final String ADDRESS = """
            {"recipient":"Bench Shopper","phone":"+201001234567","line1":"1 Tahrir Sq","city":"Cairo",
             "country":"EG"}""";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    private CheckoutBenchmark(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static void run(Options options) throws Exception {
        int orders = options.number("orders", 2_000);
        int clients = options.number("clients", 8);
        double rate = Double.parseDouble(options.values().getOrDefault("rate", "0"));
        int vendorsPerOrder = 3;
        try (BenchmarkEngine engine = BenchmarkEngine.start()) {
            CatalogGenerator catalog = new CatalogGenerator(engine.bean(EventStore.class));
            catalog.vendors(30);
            List<ForSale> forSale = catalog.deepStock(10, 1_000_000);

            Completions paid = new Completions(orders);
            Completions split = new Completions(orders);
            Completions visible = new Completions(orders);
            Set<String> splitNotSeen = ConcurrentHashMap.newKeySet();
            Map<String, AtomicInteger> shares = new ConcurrentHashMap<>();
            engine.bean(EventStore.class).subscribe(events -> {
                long now = System.nanoTime();
                for (EventMessage<?> event : events) {
                    if (event.getPayload() instanceof OrderPaidEvent orderPaid) {
                        paid.arrived(orderPaid.orderId().value(), now);
                    } else if (event.getPayload() instanceof VendorOrderCreatedEvent created
                            && shares.computeIfAbsent(created.orderId().value(), order -> new AtomicInteger())
                            .incrementAndGet() == vendorsPerOrder) {
                        split.arrived(created.orderId().value(), now);
                        splitNotSeen.add(created.orderId().value());
                    }
                }
            });

            Thread watch = Thread.ofPlatform().daemon().name("read-model-watch").start(() ->
                    watchReadModel(engine.bean(DataSource.class), splitNotSeen, vendorsPerOrder, visible));

            CheckoutBenchmark shopper = new CheckoutBenchmark(engine.baseUrl());
            Histogram request = new Histogram(HIGHEST_MICROS, 3);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger late = new AtomicInteger();
            long firstOrderAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            Instant start = Instant.now();
            Duration cpuAtStart = processCpu();
            double loadAtStart = machineLoad();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(client);
                    String token = shopper.token("bench-shopper-" + client + "-" + UUID.randomUUID());
                    for (int order = next.getAndIncrement(); order < orders; order = next.getAndIncrement()) {
                        shopper.fillCart(token, forSale, vendorsPerOrder, random);
                        if (rate > 0 && !waitUntil(firstOrderAt + (long) (order * 1e9 / rate))) {
                            late.incrementAndGet();
                        }
                        long begin = System.nanoTime();
                        String orderId = shopper.checkout(token);
                        record(request, System.nanoTime() - begin);
                        paid.sent(orderId, begin);
                        split.sent(orderId, begin);
                        visible.sent(orderId, begin);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            boolean allPaid = paid.await(Duration.ofMinutes(5));
            Duration wall = Duration.between(start, Instant.now());
            Duration cpu = processCpu().minus(cpuAtStart);
            boolean allSplit = split.await(Duration.ofMinutes(5));
            boolean allVisible = visible.await(Duration.ofMinutes(5));
            watch.interrupt();
            pool.shutdownNow();

            String report = report(orders, clients, wall, request, paid.latencies(), split.latencies(),
                    visible.latencies(), allPaid && allSplit && allVisible) + offered(rate, late.get(), orders)
                    + cpuReport(orders, cpu, loadAtStart, machineLoad());
            System.out.println(report);
            Path results = options.results();
            Files.createDirectories(results);
            Files.writeString(results.resolve(rate > 0 ? "checkout-at-" + options.values().get("rate") + "-per-s.md"
                    : "checkout.md"), report);
        }
    }

    /**
     * When each order reached a milestone, measured from its checkout request. The order id is only known from the
     * answer, and an event can be committed before the answer reaches the shopper: whichever of the two comes second
     * records the latency.
     */
    private static final class Completions {

        private final Map<String, Long> sent = new ConcurrentHashMap<>();
        private final Map<String, Long> arrived = new ConcurrentHashMap<>();
        private final Histogram latencies = new Histogram(HIGHEST_MICROS, 3);
        private final CountDownLatch remaining;

        Completions(int orders) {
            remaining = new CountDownLatch(orders);
        }

        synchronized void sent(String orderId, long nanos) {
            Long at = arrived.remove(orderId);
            if (at == null) {
                sent.put(orderId, nanos);
            } else {
                complete(at - nanos);
            }
        }

        synchronized void arrived(String orderId, long nanos) {
            Long at = sent.remove(orderId);
            if (at == null) {
                arrived.put(orderId, nanos);
            } else {
                complete(nanos - at);
            }
        }

        private void complete(long nanos) {
            latencies.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1_000)));
            remaining.countDown();
        }

        boolean await(Duration timeout) throws InterruptedException {
            return remaining.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        synchronized Histogram latencies() {
            return latencies.copy();
        }
    }

    private static synchronized void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1_000)));
    }

    private void fillCart(String token, List<ForSale> forSale, int vendors, SplittableRandom random) {
        List<String> chosenVendors = new ArrayList<>();
        while (chosenVendors.size() < vendors) {
            ForSale item = forSale.get(random.nextInt(forSale.size()));
            if (chosenVendors.contains(item.vendorId().value())) {
                continue;
            }
            chosenVendors.add(item.vendorId().value());
            HttpResponse<String> added = post("/api/v1/cart/lines", token, "{\"listingId\":\"" + item.listingId()
                    + "\",\"quantity\":" + (1 + random.nextInt(3)) + "}", Map.of());
            if (added.statusCode() != 202) {
                throw new IllegalStateException("add to cart answered " + added.statusCode() + ": " + added.body());
            }
        }
    }

    private String checkout(String token) {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> placed = post("/api/v1/cart/checkout", token, "{\"address\":" + ADDRESS
                + ",\"payment\":{\"provider\":\"SANDBOX\",\"method\":\"approve\"}}", Map.of("Idempotency-Key", key));
        if (placed.statusCode() != 201) {
            throw new IllegalStateException("checkout answered " + placed.statusCode() + ": " + placed.body());
        }
        return JSON.readTree(placed.body()).get("orderId").asString();
    }

    private String token(String subject) {
        HttpResponse<String> minted = post("/api/v1/dev/tokens", null,
                "{\"subject\":\"" + subject + "\",\"roles\":[\"CUSTOMER\"]}", Map.of());
        return JSON.readTree(minted.body()).get("accessToken").asString();
    }

    private HttpResponse<String> post(String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String report(int orders, int clients, Duration wall, Histogram request, Histogram toPaid,
                                 Histogram toSplit, Histogram toVisible, boolean complete) {
        double seconds = wall.toMillis() / 1000.0;
        return """
                # Checkout benchmark

                %d orders of 3 vendors each, %d concurrent shoppers, sandbox gateway (approve), %s.
                Machine: %d cores, JDK %s, engine and PostgreSQL and Elasticsearch on the same machine.

                Throughput: **%.1f orders/s paid** (%d orders in %.1f s, from the first checkout to the last order paid).

                | measure | count | p50 ms | p99 ms | mean ms | max ms |
                |---|---|---|---|---|---|
                %s
                %s
                %s
                %s
                """.formatted(orders, clients, complete ? "every order paid and split" : "NOT every order completed",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), orders / seconds, orders, seconds,
                row("checkout request (HTTP)", request), row("checkout request → order paid", toPaid),
                row("checkout request → vendor orders created", toSplit),
                row("checkout request → vendor orders visible in the read model", toVisible));
    }

    /** Asks {@code vendor_orders} every 10 ms which of the split orders it shows whole, until interrupted. */
    private static void watchReadModel(DataSource dataSource, Set<String> splitNotSeen, int vendorsPerOrder,
                                       Completions visible) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        while (!Thread.currentThread().isInterrupted()) {
            if (!splitNotSeen.isEmpty()) {
                String[] ids = splitNotSeen.toArray(String[]::new);
                List<String> seen = jdbc.queryForList("""
                        SELECT order_id::text FROM vendor_orders WHERE order_id = ANY (?::uuid[])
                        GROUP BY order_id HAVING count(*) = ?""", String.class, ids, vendorsPerOrder);
                long now = System.nanoTime();
                for (String orderId : seen) {
                    splitNotSeen.remove(orderId);
                    visible.arrived(orderId, now);
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sleeps until the given {@link System#nanoTime()}; false when that moment had already passed. */
    private static boolean waitUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait <= 0) {
            return false;
        }
        TimeUnit.NANOSECONDS.sleep(wait);
        return true;
    }

    private static String offered(double rate, int late, int orders) {
        if (rate <= 0) {
            return "";
        }
        return """

                Offered at **%s orders/s** (open loop: each checkout sent at its appointed time, whatever the engine
                did with the ones before); %d of %d checkouts were sent late (their shopper was still filling its
                cart or waiting for the previous answer).
                """.formatted(rate, late, orders);
    }

    /**
     * The engine's CPU time per order, which unlike the wall-clock figures hardly depends on what else the machine
     * runs: the process's CPU time (engine and the benchmark's HTTP clients; PostgreSQL and Elasticsearch excluded).
     */
    private static String cpuReport(int orders, Duration cpu, double loadBefore, double loadAfter) {
        return """

                Engine process CPU: %.1f s, **%.1f ms per order** (includes the benchmark's own HTTP clients; not
                PostgreSQL or Elasticsearch). Machine load average (1 min) at start %.1f, at end %.1f.
                """.formatted(cpu.toMillis() / 1000.0, cpu.toMillis() / (double) orders, loadBefore, loadAfter);
    }

    private static Duration processCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static double machineLoad() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String row(String name, Histogram histogram) {
        return "| %s | %d | %.1f | %.1f | %.1f | %.1f |".formatted(name, histogram.getTotalCount(),
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getMean() / 1000.0, histogram.getMaxValue() / 1000.0);
    }
}
