package com.souq.commerce.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code bin/reliability crash}: one engine process under concurrent shoppers, vendor staff and stock recounts is
 * killed with SIGKILL at random moments and restarted while the load goes on; then the load stops, the engine
 * finishes (processors catch up, payment and return-window deadlines fire) and the invariants are checked.
 */
final class CrashRun {

    /** What the run did: {@code breaks} is the number of broken invariants (0 when sound). */
    record Result(long operations, int kills, long conflicts, long checked, long breaks, Path report) {
    }

    private CrashRun() {
    }

    static Result run(Settings settings) throws Exception {
        Duration duration = settings.duration("seconds", Duration.ofMinutes(3));
        int kills = settings.number("kills", 5);
        int shoppers = settings.number("shoppers", 6);
        long seed = settings.seed();
        SplittableRandom random = new SplittableRandom(seed);
        RunReport report = new RunReport("Crash run: SIGKILL under load");
        report.fact("seed " + seed + ", " + shoppers + " shoppers, " + kills + " kills planned over "
                + duration.toSeconds() + " s of load");
        List<String> properties = new ArrayList<>(List.of("--souq.checkout.payment-timeout=20s",
                "--souq.money.return-window=2s"));
        properties.addAll(settings.engineProperties());
        report.fact("engine properties: " + String.join(" ", properties));

        try (SharedServers servers = SharedServers.start("crash", settings.values().containsKey("keep-database"),
                settings.searchStartup());
             EngineProcess engine = new EngineProcess("crash-engine", settings.engineJar(), servers,
                     settings.results().resolve("logs"), properties)) {
            report.fact("database " + servers.database() + ", Elasticsearch " + servers.elasticsearch());
            engine.start();
            report.fact("first start ready in " + engine.awaitReady(Duration.ofMinutes(5)).toMillis() + " ms");
            Shop shop = new Shop(engine.baseUrl());
            Marketplace market = Marketplace.open(shop, 3, 4, 30, 4);
            Tally tally = new Tally();
            Load load = new Load(List.of(shop), market, tally, seed, "crash-" + seed);
            load.start(shoppers);

            Instant end = Instant.now().plus(duration);
            List<Long> restarts = new ArrayList<>();
            int killed = 0;
            while (killed < kills) {
                long remaining = Math.max(5_000, Duration.between(Instant.now(), end).toMillis());
                long gap = remaining / (kills - killed);
                Thread.sleep(Math.min(2_000, gap / 2) + random.nextLong(Math.max(1, gap / 2)));
                engine.kill();
                killed++;
                Instant down = Instant.now();
                engine.start();
                engine.awaitReady(Duration.ofMinutes(5));
                restarts.add(Duration.between(down, Instant.now()).toMillis());
                System.out.println("[reliability] kill " + killed + ": back after " + restarts.getLast() + " ms");
            }
            long left = Duration.between(Instant.now(), end).toMillis();
            if (left > 0) {
                Thread.sleep(left);
            }
            load.stop();
            report.fact(killed + " SIGKILLs, " + killed + " restarts; down for " + restarts + " ms");

            Instant settling = Instant.now();
            List<String> unfinished = Quiescence.await(servers.postgres(), List.of(engine), Duration.ofMinutes(3));
            report.fact("settled in " + Duration.between(settling, Instant.now()).toSeconds() + " s"
                    + (unfinished.isEmpty() ? "" : "; NOT settled: " + unfinished));
            Invariants.Outcome outcome = Invariants.check(servers.postgres(), shop);
            long placed = tally.count("checkout (approve)", "201"::equals)
                    + tally.count("checkout (decline)", "201"::equals);
            report.fact(tally.total() + " operations answered (" + placed + " orders placed), "
                    + tally.conflicts() + " answered 409, " + tally.unanswered()
                    + " requests unanswered while the engine was down or dying");
            report.fact(outcome.checked() + " invariant checks, " + outcome.breaks() + " breaks");
            report.section("Operations", tally.table());
            report.section("Invariants", outcome.table());
            Path file = report.write(settings.results(), settings.values().getOrDefault("name", "crash"));
            System.out.println(report.text());
            return new Result(tally.total(), killed, tally.conflicts(), outcome.checked(),
                    outcome.breaks() + (unfinished.isEmpty() ? 0 : 1), file);
        }
    }
}
