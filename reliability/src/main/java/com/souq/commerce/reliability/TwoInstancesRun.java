package com.souq.commerce.reliability;

import com.souq.commerce.infrastructure.postgres.PostgresConnection;
import com.souq.commerce.reliability.Marketplace.Listing;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * {@code bin/reliability two-instances}: two engine processes on the same PostgreSQL database. While shoppers and
 * vendor staff spread their requests over both, conflicting commands for the same aggregate are sent to both at the
 * same instant:
 * <ul>
 *   <li>one customer's cart: adds of the same listing, alternating between the instances (nobody else writes that
 *       cart, so none may lose a race: a 409 {@code CONCURRENT_MODIFICATION} there means an instance decided on a
 *       stale copy; a 409 for want of stock is the shop's rule) and then in bursts on both
 *       at once (each answer 202 or a 409 problem); the line's quantity in the end must equal the adds answered
 *       202;</li>
 *   <li>one listing's stock: recounts sent to both with the same {@code If-Match} version; at most one of them may
 *       succeed per version, and the stock in the end is the last successful recount.</li>
 * </ul>
 * Then the processors' segments must be split between the instances (token table) and the invariants hold.
 */
final class TwoInstancesRun {

    /** What the run did: {@code breaks} is the number of broken invariants (0 when sound). */
    record Result(long operations, long conflicts, long checked, long breaks, boolean segmentsSplit,
                  Map<String, Integer> segmentsByOwner, Path report) {
    }

    private TwoInstancesRun() {
    }

    static Result run(Settings settings) throws Exception {
        Duration duration = settings.duration("seconds", Duration.ofMinutes(2));
        int shoppers = settings.number("shoppers", 4);
        int burst = settings.number("burst", 3);
        long seed = settings.seed();
        RunReport report = new RunReport("Two instances on one PostgreSQL");
        report.fact("seed " + seed + ", " + shoppers + " shoppers over both instances, bursts of " + burst
                + " conflicting commands per instance, " + duration.toSeconds() + " s of load");
        List<String> properties = new ArrayList<>(List.of("--souq.checkout.payment-timeout=20s",
                "--souq.money.return-window=2s"));
        properties.addAll(settings.engineProperties());
        report.fact("engine properties: " + String.join(" ", properties));
        Path logs = settings.results().resolve("logs");
        try (SharedServers servers = SharedServers.start("two", settings.values().containsKey("keep-database"),
                settings.searchStartup());
             EngineProcess a = new EngineProcess("instance-a", settings.engineJar(), servers, logs, properties);
             EngineProcess b = new EngineProcess("instance-b", settings.engineJar(), servers, logs, properties)) {
            report.fact("database " + servers.database() + ", Elasticsearch " + servers.elasticsearch());
            if (settings.values().getOrDefault("start", "one-after-the-other").equals("together")) {
                a.start();
                b.start();
                report.fact("both started at once; ready in " + a.awaitReady(Duration.ofMinutes(5)).toMillis()
                        + " and " + b.awaitReady(Duration.ofMinutes(5)).toMillis() + " ms");
            } else {
                a.start();
                long readyA = a.awaitReady(Duration.ofMinutes(5)).toMillis();
                b.start();
                report.fact("started one after the other (two starting at once race to create the search index: "
                        + "--start=together); ready in " + readyA + " and "
                        + b.awaitReady(Duration.ofMinutes(5)).toMillis() + " ms");
            }
            Shop shopA = new Shop(a.baseUrl());
            Shop shopB = new Shop(b.baseUrl());
            Marketplace market = Marketplace.open(shopA, 3, 4, 30, 4);
            Tally tally = new Tally();
            Load load = new Load(List.of(shopA, shopB), market, tally, seed, "two-" + seed);
            load.start(shoppers);

            Listing contested = market.listings().get(1);
            Listing recounted = market.listings().get(market.listings().size() - 1);
            List<String> lost = new ArrayList<>();
            Instant end = Instant.now().plus(duration);
            int round = 0;
            ExecutorService racers = Executors.newVirtualThreadPerTaskExecutor();
            while (Instant.now().isBefore(end)) {
                round++;
                cartRace(shopA, shopB, contested, "racer-" + seed + "-" + round, burst, tally, racers, lost);
                stockRace(shopA, shopB, recounted, burst, tally, racers, lost);
            }
            racers.shutdown();
            Map<String, Integer> owners = segmentsByOwner(servers.postgres());
            load.stop();
            report.fact(round + " rounds of conflicting commands on one cart and one listing's stock");

            Instant settling = Instant.now();
            List<String> unfinished = Quiescence.await(servers.postgres(), List.of(a, b), Duration.ofMinutes(3));
            report.fact("settled in " + Duration.between(settling, Instant.now()).toSeconds() + " s"
                    + (unfinished.isEmpty() ? "" : "; NOT settled: " + unfinished));
            finalCarts(shopA, market, tally, lost);

            List<String> segmentBreaks = new ArrayList<>();
            for (EngineProcess engine : List.of(a, b)) {
                int owned = owners.entrySet().stream()
                        .filter(owner -> owner.getKey().startsWith(engine.pid() + "@"))
                        .mapToInt(Map.Entry::getValue).sum();
                if (owned == 0) {
                    segmentBreaks.add(engine.name() + " (pid " + engine.pid() + ") owned no segment: " + owners);
                }
            }
            report.fact("segments by owner during the load (tokenentry.owner → segments): " + owners
                    + " (instance-a pid " + a.pid() + ", instance-b pid " + b.pid() + ")");

            Invariants.Outcome outcome = Invariants.check(servers.postgres(), shopB);
            List<Invariants.Check> checks = new ArrayList<>(outcome.checks());
            checks.add(new Invariants.Check("no lost update: conflicting commands on both instances", round * 2L,
                    lost));
            checks.add(new Invariants.Check("processors split their segments between the instances", 2,
                    segmentBreaks));
            outcome = new Invariants.Outcome(checks);
            report.fact(tally.total() + " operations answered, " + tally.conflicts() + " answered 409, "
                    + tally.unanswered() + " unanswered");
            report.fact(outcome.checked() + " invariant checks, " + outcome.breaks() + " breaks");
            report.section("Operations", tally.table());
            report.section("Invariants", outcome.table());
            Path file = report.write(settings.results(), settings.values().getOrDefault("name", "two-instances"));
            System.out.println(report.text());
            return new Result(tally.total(), tally.conflicts(), outcome.checked(),
                    outcome.breaks() + (unfinished.isEmpty() ? 0 : 1), segmentBreaks.isEmpty(), owners, file);
        }
    }

    private record CartRace(String token, String listingId, int[] accepted) {
    }

    private static final List<CartRace> CARTS = new ArrayList<>();
    private static final AtomicInteger RECOUNTS = new AtomicInteger();

    /**
     * Adds one unit of {@code listing} to a fresh customer's cart: twice alternating between the instances, then a
     * burst on both at once. The expected quantity (the adds answered 202) is checked once the run settled.
     */
    private static void cartRace(Shop a, Shop b, Listing listing, String customer, int burst, Tally tally,
                                 ExecutorService racers, List<String> lost) throws Exception {
        String token = a.token(customer, List.of("CUSTOMER"), null);
        int[] accepted = {0};
        for (Shop shop : List.of(a, b, a, b)) {
            Shop.Answer answer = addOne(shop, token, listing);
            accepted[0] += counted(tally, "race: add to one cart, alternating instances", answer, lost) ? 1 : 0;
            // Nobody else writes this cart: losing a race here means an instance decided on a stale copy of it.
            if (answer.code().equals("409 CONCURRENT_MODIFICATION")) {
                lost.add("an add alternating between the instances, with no other writer of the cart, answered "
                        + answer + ": the instance decided on a stale copy of the cart");
            }
        }
        List<Callable<Shop.Answer>> adds = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            adds.add(() -> addOne(a, token, listing));
            adds.add(() -> addOne(b, token, listing));
        }
        for (Shop.Answer answer : all(racers, adds)) {
            accepted[0] += counted(tally, "race: add to one cart on both at once", answer, lost) ? 1 : 0;
        }
        synchronized (CARTS) {
            CARTS.add(new CartRace(token, listing.listingId(), accepted));
        }
    }

    private static Shop.Answer addOne(Shop shop, String token, Listing listing) {
        return shop.post("/api/v1/cart/lines", token, Map.of("listingId", listing.listingId(), "quantity", 1));
    }

    /**
     * Recounts one listing's stock on both instances with the version read just before: at most one may win.
     */
    private static void stockRace(Shop a, Shop b, Listing listing, int burst, Tally tally, ExecutorService racers,
                                  List<String> lost) throws Exception {
        String token = listing.vendor().staffToken();
        long version = latestVersion(a, listing, token);
        List<Callable<Shop.Answer>> recounts = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            // Never a quantity the listing had before: a recount to the stock on hand is a no-op that succeeds.
            int quantity = 1_000 + RECOUNTS.getAndAdd(2);
            recounts.add(() -> a.send("PUT", "/api/v1/listings/" + listing.listingId() + "/stock", token,
                    Map.of("quantityOnHand", quantity), Map.of("If-Match", "\"" + version + "\"")));
            recounts.add(() -> b.send("PUT", "/api/v1/listings/" + listing.listingId() + "/stock", token,
                    Map.of("quantityOnHand", quantity + 1), Map.of("If-Match", "\"" + version + "\"")));
        }
        int won = 0;
        for (Shop.Answer answer : all(racers, recounts)) {
            won += counted(tally, "race: recount stock with If-Match", answer, lost) ? 1 : 0;
        }
        if (won > 1) {
            lost.add(won + " recounts of listing " + listing.listingId() + " succeeded with the same If-Match \""
                    + version + "\"");
        }
    }

    /** The listing's version as the event store has it now (the read model may be a moment behind). */
    private static long latestVersion(Shop shop, Listing listing, String token) {
        Shop.Answer read = shop.get("/api/v1/listings/" + listing.listingId(), token);
        return read.ok() ? read.json().get("version").asLong() : 0;
    }

    private static boolean counted(Tally tally, String kind, Shop.Answer answer, List<String> lost) {
        tally.count(kind, answer);
        if (!answer.ok() && answer.status() != 409) {
            lost.add(kind + " answered " + answer);
        }
        return answer.ok();
    }

    private static List<Shop.Answer> all(ExecutorService racers, List<Callable<Shop.Answer>> tasks)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Shop.Answer>> futures = new ArrayList<>();
        for (Callable<Shop.Answer> task : tasks) {
            futures.add(racers.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<Shop.Answer> answers = new ArrayList<>();
        for (Future<Shop.Answer> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }

    /** Every raced cart holds exactly the units whose adds were answered 202. */
    private static void finalCarts(Shop shop, Marketplace market, Tally tally, List<String> lost) {
        List<CartRace> races;
        synchronized (CARTS) {
            races = List.copyOf(CARTS);
            CARTS.clear();
        }
        for (CartRace race : races) {
            Shop.Answer cart = shop.get("/api/v1/cart", race.token());
            int quantity = 0;
            if (cart.ok()) {
                for (JsonNode line : cart.json().get("lines")) {
                    if (line.get("listingId").asString().equals(race.listingId())) {
                        quantity = line.get("quantity").asInt();
                    }
                }
            }
            if (!cart.ok() || quantity != race.accepted()[0]) {
                lost.add("cart of " + race.token().hashCode() + ": " + race.accepted()[0] + " adds answered 202, "
                        + "the cart holds " + quantity + (cart.ok() ? "" : " (" + cart + ")"));
            }
        }
    }

    /** Which process owns how many segments, from Axon's token table ({@code pid@host}). */
    private static Map<String, Integer> segmentsByOwner(PostgresConnection database) throws SQLException {
        Map<String, Integer> owners = new TreeMap<>();
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT coalesce(owner, '(none)'), count(*) FROM tokenentry GROUP BY 1")) {
            while (rows.next()) {
                owners.put(rows.getString(1), rows.getInt(2));
            }
        }
        return owners;
    }
}
